# Our hand-made Future/Task/loop from lesson 15 runs native async/await coroutines too.
import heapq
import itertools
import time

start = time.monotonic()


def now():
    return f"{time.monotonic() - start:.1f}"


class Future:
    def __init__(self):
        self.result = None
        self._callbacks = []

    def add_done_callback(self, fn):
        self._callbacks.append(fn)

    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)

    def __await__(self):  # what `await future` calls; same body as __iter__ before
        yield self
        return self.result


class Task:
    def __init__(self, coro, name):
        self.coro = coro
        self.name = name
        f = Future()
        f.set_result(None)
        self.step(f)

    def step(self, future):
        try:
            next_future = self.coro.send(future.result)  # coroutines have send() too
        except StopIteration as stop:
            print(f"{now()} task {self.name} finished, returned {stop.value!r}")
            return
        next_future.add_done_callback(self.step)


timers = []
counter = itertools.count()


def call_later(delay, callback, *args):
    heapq.heappush(timers, (time.monotonic() + delay, next(counter), callback, args))


def run():
    while timers:
        when, _, callback, args = heapq.heappop(timers)
        time.sleep(max(0, when - time.monotonic()))
        callback(*args)


def sleep(delay, result=None):
    f = Future()
    call_later(delay, f.set_result, result)
    return f


async def fetch(name, delay):  # a native coroutine, and no asyncio anywhere
    print(f"{now()} {name}: start")
    data = await sleep(delay, result=f"<page {name}>")
    print(f"{now()} {name}: got {data}")
    return len(data)


async def crawler(name, delays):
    total = 0
    for i, d in enumerate(delays, start=1):
        total += await fetch(f"{name}-{i}", d)  # await a coroutine: like yield from
    return total


Task(crawler("a", [1, 2]), name="A")
Task(crawler("b", [0.5, 0.5]), name="B")
run()
