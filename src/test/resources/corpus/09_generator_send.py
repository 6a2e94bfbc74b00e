# Seed: a generator-based consumer driven by send() (no event loop).
def consumer():
    r = ''
    while True:
        n = yield r
        if not n:
            return
        print('[CONSUMER] Consuming %s...' % n)
        r = '200 OK'


def produce(c):
    c.send(None)
    n = 0
    while n < 5:
        n = n + 1
        print('[PRODUCER] Producing %s...' % n)
        r = c.send(n)
        print('[PRODUCER] Consumer return: %s' % r)
    c.close()


def coroutine_example(name):
    print('start coroutine...name:', name)
    x = yield name
    print('send value:', x)


c = consumer()
produce(c)
coro = coroutine_example('Zarten')
print('next returned:', next(coro))
try:
    coro.send(6)
except StopIteration:
    print('generator finished')
