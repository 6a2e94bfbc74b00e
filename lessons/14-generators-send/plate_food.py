# The plate goes back and forth: producer and consumer share one list (note 001).
from time import sleep


def consumer():
    tx = []
    while True:
        rc = yield tx
        print("[CONSUMER] I have received %s..." % rc)
        if rc is None:  # `is None`, not `== None`
            continue
        rc.remove("food")
        print("Eating...")
        sleep(0.2)  # the notes slept 1 s
        tx = rc
        print("[CONSUMER] I have eaten the food and sent back %s..." % tx)


def producer(c):
    c.send(None)  # prime the consumer
    tx = ["plate"]
    n = 0
    while n < 5:
        n = n + 1
        tx.append("food")
        print("Producing...")
        sleep(0.2)  # the notes slept 1 s
        print("[PRODUCER] I am sending %s to consumer..." % tx)
        rc = c.send(tx)
        if rc is None:
            continue
        print("[PRODUCER] I have received %s" % rc)
        tx = rc
    c.close()


c = consumer()
producer(c)
