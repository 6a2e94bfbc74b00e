# The smallest Future + Task + event loop: generator coroutines that sleep.
import heapq
import itertools
import time

start = time.monotonic()


def now():
    return f"{time.monotonic() - start:.1f}"


class Future:
    """A box for a result that arrives later, plus who to tell when it does."""

    def __init__(self):
        self.result = None
        self._callbacks = []

    def add_done_callback(self, fn):
        self._callbacks.append(fn)

    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)


class Task:
    """Drives a generator coroutine: sends each Future's result back into it."""

    def __init__(self, coro):
        self.coro = coro
        f = Future()
        f.set_result(None)
        self.step(f)

    def step(self, future):
        try:
            next_future = self.coro.send(future.result)
        except StopIteration:
            return
        next_future.add_done_callback(self.step)


timers = []  # a heap of (when, tie-breaker, callback, args)
counter = itertools.count()


def call_later(delay, callback, *args):
    heapq.heappush(timers, (time.monotonic() + delay, next(counter), callback, args))


def sleep(delay):
    """Like asyncio.sleep: a Future that a timer fills in later."""
    f = Future()
    call_later(delay, f.set_result, None)
    return f


def run():
    """The event loop: wait for the next timer, run its callback, repeat."""
    while timers:
        when, _, callback, args = heapq.heappop(timers)
        time.sleep(max(0, when - time.monotonic()))  # nothing else to do meanwhile
        callback(*args)


def worker(name, delays):
    for d in delays:
        print(f"{now()} {name} sleeps {d} s")
        yield sleep(d)  # like `await asyncio.sleep(d)`
    print(f"{now()} {name} done")


Task(worker("A", [1, 1]))
Task(worker("B", [0.5, 2]))
run()
