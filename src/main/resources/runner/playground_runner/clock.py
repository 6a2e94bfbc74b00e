"""The program clock: real time, or real time plus a forward-jumping offset.

Two clocks matter for a run:

* **wall time**: real seconds since the runner received the code;
* **program time**: what the student's program believes. In *real* mode it
  is wall time. In *virtual* (fast-forward) mode it is real time plus an
  ``offset`` that only ever grows: when the program would merely wait (the
  event loop has nothing to do but wait for its next timer, or the program
  calls ``time.sleep``), the offset jumps by the waiting time instead of the
  process sleeping. A program sleeping three hours finishes in milliseconds
  and still measures 10800 seconds.

In virtual mode the :mod:`time` module's clock functions are replaced, so the
program and the event loop (``BaseEventLoop.time()`` calls
``time.monotonic()`` through the module) all read program time, and printed
timings are what a real run would print. ``time.time()`` stays a wall-clock
epoch: the real epoch plus the offset.

Jumping is only correct while nothing *outside* the loop's thread can make
progress in real time: a thread, a child process, a signal timer. When one
appears, :meth:`ProgramClock.switch_to_real` freezes the offset for the rest
of the run (time never goes backwards) and reports it with a ``clock`` event.
In real mode nothing is patched at all.
"""

import time

#: Program seconds a virtual run may reach before the runner stops it
#: (the handshake's ``limits.programSeconds`` overrides it).
DEFAULT_PROGRAM_SECONDS = 86400.0

_real_monotonic = time.monotonic
_real_monotonic_ns = time.monotonic_ns
_real_perf_counter = time.perf_counter
_real_perf_counter_ns = time.perf_counter_ns
_real_time = time.time
_real_time_ns = time.time_ns
_real_sleep = time.sleep


class ProgramClock:
    """Program time and wall time of one run, and the switch from virtual to real."""

    def __init__(self, virtual, program_seconds_limit=DEFAULT_PROGRAM_SECONDS):
        self.virtual = virtual
        self.offset = 0.0
        self.offset_ns = 0
        self.limit = program_seconds_limit
        #: real monotonic reading at program time 0 (minus the offset then)
        self.origin = _real_monotonic()
        #: real monotonic reading at wall time 0 (when the runner got the code)
        self.wall_origin = self.origin
        #: called with the reason when virtual mode ends (set by the session)
        self.on_switch_to_real = None
        #: called when a jump passes the program-time limit (set by the session)
        self.on_limit = None
        #: called with the seconds of every virtual ``time.sleep`` (set by the tracker)
        self.on_virtual_sleep = None

    @property
    def mode(self):
        return "virtual" if self.virtual else "real"

    def start_program(self):
        """The student's code starts now: program time 0."""
        self.origin = _real_monotonic() + self.offset

    def program_time(self):
        return _real_monotonic() + self.offset - self.origin

    def wall_time(self):
        return _real_monotonic() - self.wall_origin

    #: the real monotonic clock, whatever the mode (for measuring steps)
    real_monotonic = staticmethod(_real_monotonic)

    def advance(self, seconds):
        """Jump program time forward (virtual mode only)."""
        if seconds <= 0:
            return
        self.offset += seconds
        self.offset_ns = int(self.offset * 1e9)
        if self.program_time() > self.limit and self.on_limit is not None:
            self.on_limit()

    def switch_to_real(self, reason):
        """From now on program time runs at wall speed; the offset stays as it is."""
        if not self.virtual:
            return
        self.virtual = False
        if self.on_switch_to_real is not None:
            self.on_switch_to_real(reason)

    def install(self):
        """In virtual mode, make the :mod:`time` module read program time."""
        if not self.virtual:
            return
        clock = self

        def monotonic():
            return _real_monotonic() + clock.offset

        def monotonic_ns():
            return _real_monotonic_ns() + clock.offset_ns

        def perf_counter():
            return _real_perf_counter() + clock.offset

        def perf_counter_ns():
            return _real_perf_counter_ns() + clock.offset_ns

        def time_():
            return _real_time() + clock.offset

        def time_ns():
            return _real_time_ns() + clock.offset_ns

        def sleep(secs):
            # Anything unusual (a negative number, a wrong type, NaN) goes to
            # the real function, which raises exactly the error plain Python raises.
            if clock.virtual and type(secs) in (int, float) and secs >= 0:
                if clock.on_virtual_sleep is not None:
                    clock.on_virtual_sleep(secs)
                clock.advance(secs)
            else:
                _real_sleep(secs)

        time_.__name__ = time_.__qualname__ = "time"
        for function in (monotonic, monotonic_ns, perf_counter, perf_counter_ns, time_, time_ns, sleep):
            real = getattr(time, function.__name__)
            function.__doc__ = real.__doc__
            function.__qualname__ = function.__name__
            function.__module__ = "time"
            setattr(time, function.__name__, function)


def real_sleep(seconds):
    """Sleep for real whatever the mode (the runner's own waits)."""
    _real_sleep(seconds)
