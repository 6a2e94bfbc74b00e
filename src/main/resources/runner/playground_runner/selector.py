"""Where the event loop waits: a selector wrapper that fast-forwards time.

An asyncio selector loop sleeps in exactly one place,
``BaseEventLoop._run_once`` calling ``self._selector.select(timeout)``, with
``timeout`` = time until the next timer (``None``: no timer at all; ``0``:
callbacks are ready). :class:`VirtualTimeSelector` wraps the loop's selector
and decides, for every such call, how the wait happens:

* real mode: delegate (after sending queued events: nothing else will happen
  until the wait ends, so the server should see everything now);
* virtual mode: first poll without waiting. Something ready: return it.
  Nothing ready and a timer pending: advance the program clock by
  ``timeout`` and return "nothing happened" at once; the loop then finds its
  timer due. While no thread, child process or signal timer exists (the
  clock switches to real when one appears), no file descriptor can become
  ready without the program itself acting, so the jump is exactly what a
  real wait would have produced, only instant. This holds for sockets
  between two ends of the same program (``socketpair``, a unix server and its
  client in one loop): their data is in the kernel as soon as it is written.
* virtual mode, nothing ready and no timer (``timeout is None``): the loop
  waits for a file descriptor only the outside world can wake. That wait
  must be real, so the clock switches to real mode ("fd wait").
"""


import math

#: Linux's default timer slack for ordinary threads: a real wait ends at
#: least this much after the timeout the selector asked for.
TIMER_SLACK_SECONDS = 50e-6


def _as_the_kernel_would_wait(timeout):
    """How long a real ``select(timeout)`` on a quiet selector lasts, at the least.

    ``EpollSelector`` rounds the timeout *up* to whole milliseconds (epoll's
    resolution) and the kernel adds its timer slack. Jumping by the same
    amount matters: timers set a few microseconds apart then fire in the
    same loop iteration, in the same order as in a real run.
    """
    return math.ceil(timeout * 1e3) * 1e-3 + TIMER_SLACK_SECONDS


class VirtualTimeSelector:
    """Wraps a :class:`selectors.BaseSelector`; everything but ``select`` passes through."""

    def __init__(self, selector, clock, before_real_wait, on_iteration):
        self._selector = selector
        self._clock = clock
        self._before_real_wait = before_real_wait
        self._on_iteration = on_iteration

    def select(self, timeout=None):
        self._on_iteration()
        clock = self._clock
        if timeout is not None and timeout <= 0:
            return self._selector.select(timeout)
        if clock.virtual:
            ready = self._selector.select(0)
            if ready:
                return ready
            if timeout is not None:
                clock.advance(_as_the_kernel_would_wait(timeout))
                return ready
            clock.switch_to_real("fd wait")
        self._before_real_wait()
        return self._selector.select(timeout)

    # The rest of the BaseSelector interface, delegated explicitly (the loop
    # calls these on every reader/writer change; __getattr__ would be slower).

    def register(self, fileobj, events, data=None):
        return self._selector.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._selector.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._selector.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._selector.get_key(fileobj)

    def get_map(self):
        return self._selector.get_map()

    def close(self):
        return self._selector.close()

    def __getattr__(self, name):
        return getattr(self._selector, name)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def wrap_selector_loops(base_selector_loop_class, clock, before_real_wait, on_iteration, on_new_loop):
    """Make every selector event loop created from now on wait through a VirtualTimeSelector.

    ``on_iteration`` is called at the start of every loop iteration (every
    ``select``, in the loop's thread); ``before_real_wait`` before a real wait.
    """
    original_init = base_selector_loop_class.__init__

    def __init__(self, selector=None):
        original_init(self, selector)
        self._selector = VirtualTimeSelector(self._selector, clock, before_real_wait, on_iteration)
        on_new_loop(self)

    __init__.__doc__ = original_init.__doc__
    __init__.__qualname__ = original_init.__qualname__
    base_selector_loop_class.__init__ = __init__
