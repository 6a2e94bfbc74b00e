# Producer and consumer taking turns in one thread, using send() (notes 001 and 002).


def consumer():
    r = ""
    while True:
        n = yield r  # hand r back to the producer, wait for the next n
        if not n:
            return
        print("[CONSUMER] Consuming %s..." % n)
        r = "200 OK"


def produce(c):
    next(c)  # Python 2 wrote c.next(); in Python 3 use next(c) or c.send(None)
    n = 0
    while n < 5:
        n = n + 1
        print("[PRODUCER] Producing %s..." % n)
        r = c.send(n)  # switch to the consumer; come back with its answer
        print("[PRODUCER] Consumer return: %s" % r)
    c.close()


if __name__ == "__main__":
    c = consumer()
    produce(c)
