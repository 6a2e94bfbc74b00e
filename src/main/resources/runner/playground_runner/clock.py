"""The program clock: real time, or computing time plus a forward-jumping offset.

Two clocks matter for a run:

* **wall time**: real seconds since the runner received the code;
* **program time**: what the student's program believes. In *real* mode it
  is wall time. In *virtual* (fast-forward) mode it is the CPU time the
  program's thread has spent computing plus an ``offset`` that only ever
  grows: when the program would merely wait (the event loop has nothing to
  do but wait for its next timer, or the program calls ``time.sleep``), the
  offset jumps by the waiting time instead of the process sleeping. A
  program sleeping three hours finishes in milliseconds and still measures
  10800 seconds.

Why CPU time and not real time between the jumps: on a server running a
class, a run waits for a core now and then. Real time would count those
waits, and ``await asyncio.sleep(1)`` would print ``1.07 s`` under load and
``1.00 s`` on a quiet machine. The thread's CPU clock only moves while the
program computes, so a virtual run prints the same timings however busy the
server is. (A blocking wait that is neither a sleep nor the loop's wait,
``threading.Event().wait(2)`` with no thread to set it, does not advance
the virtual clock; everything that involves another thread or process
switches to real time anyway.)

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

import _thread
import functools
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


#: How long program time may be interpolated from the real clock after a
#: reading of the thread's CPU clock (see :meth:`ProgramClock.program_time`).
CPU_CLOCK_REREAD_SECONDS = 0.001

#: How far program time moves on at a reading that found it had run ahead of
#: the CPU clock. Less than any reading costs in CPU time (a Python call,
#: ~0.3 µs here), so the CPU clock still catches up; far more than a float's
#: step at the magnitudes programs add it to (``time.monotonic()`` is
#: uptime + program time), so two readings never compare equal downstream.
CREEP_SECONDS = 5e-8

_NEVER = float("-inf")


def _thread_cpu_clock():
    """A function reading the CPU time of the calling thread, from any thread."""
    return functools.partial(time.clock_gettime, time.pthread_getcpuclockid(_thread.get_ident()))


class ProgramClock:
    """Program time and wall time of one run, and the switch from virtual to real."""

    def __init__(self, virtual, program_seconds_limit=DEFAULT_PROGRAM_SECONDS):
        self.virtual = virtual
        #: seconds skipped by jumps so far
        self.offset = 0.0
        self.limit = program_seconds_limit
        #: what program time advances with between jumps in virtual mode: the
        #: CPU clock of the thread that runs the program (real mode: the real clock)
        self._cpu = _thread_cpu_clock() if virtual else None
        #: (real clock, program time) at the last reading of the CPU clock
        self._reading = (_NEVER, 0.0)
        #: the last program time returned in virtual mode: time never goes backwards
        self._latest = _NEVER
        #: reading of the base clock at program time 0 (plus the offset then)
        self.origin = self._base()
        #: real monotonic reading at wall time 0 (when the runner got the code)
        self.wall_origin = _real_monotonic()
        #: called with the reason when virtual mode ends (set by the session)
        self.on_switch_to_real = None
        #: called when a jump passes the program-time limit (set by the session)
        self.on_limit = None
        #: called with the seconds of every virtual ``time.sleep`` (set by the tracker)
        self.on_virtual_sleep = None

    @property
    def mode(self):
        return "virtual" if self.virtual else "real"

    def _base(self):
        return self._cpu() if self.virtual else _real_monotonic()

    def start_program(self):
        """The student's code starts now: program time 0."""
        self.origin = self._base() + self.offset
        self._reading = (_NEVER, 0.0)
        self._latest = _NEVER

    def program_time(self):
        """Seconds of program time since the student's code started."""
        return self.program_time_at(_real_monotonic())

    def program_time_at(self, real):
        """Program time when the real clock read ``real`` (a reading just taken).

        Callers that need both clocks read the real one once and pass it.
        In virtual mode, reading the thread's CPU clock is a system call
        (~1.2 µs here, against 0.06 µs for the real clock), and the runner
        reads program time around every step of every task. So within
        :data:`CPU_CLOCK_REREAD_SECONDS` of a reading, program time is that
        reading plus the real time since. Real time runs at least as fast
        as the thread's CPU time, so the result is never behind the CPU
        clock and at most that long ahead of it, however busy the machine;
        the error never accumulates, because every reading starts afresh
        from the CPU clock. When a reading finds it ran ahead, time creeps
        on by :data:`CREEP_SECONDS` a reading until the CPU clock catches
        up: it never goes back and never repeats a reading.
        """
        if not self.virtual:
            return real + self.offset - self.origin
        read_at, read_value = self._reading
        since = real - read_at
        if since < CPU_CLOCK_REREAD_SECONDS:
            now = read_value + since
        else:
            now = self._cpu() + self.offset - self.origin
            self._reading = (real, now)
        if now <= self._latest:
            # Standing still would give equal readings, and asyncio orders
            # timers with equal deadlines arbitrarily (a heap): five tasks
            # sleeping 1 s each would wake out of order. A real clock never
            # repeats a reading, so neither does this one. (The second term
            # only matters past ~10^8 s, where 50 ns is below a float's step.)
            now = self._latest + max(CREEP_SECONDS, self._latest * 1e-15)
        self._latest = now
        return now

    def wall_time(self):
        return _real_monotonic() - self.wall_origin

    #: the real monotonic clock, whatever the mode (for measuring steps)
    real_monotonic = staticmethod(_real_monotonic)

    def advance(self, seconds):
        """Jump program time forward (virtual mode only)."""
        if seconds <= 0:
            return
        self.offset += seconds
        read_at, read_value = self._reading
        self._reading = (read_at, read_value + seconds)
        # A program that sleeps d seconds after reading t must read t + d or
        # later, even when t was interpolated ahead of the CPU clock and the
        # next reading starts afresh from it: otherwise a timer set after the
        # sleep can fall due before one set earlier for the same moment.
        self._latest += seconds
        if self.program_time() > self.limit and self.on_limit is not None:
            self.on_limit()

    def switch_to_real(self, reason):
        """From now on program time runs at wall speed, on from where it is (never backwards)."""
        if not self.virtual:
            return
        now = self.program_time()
        self.virtual = False
        self.origin = _real_monotonic() + self.offset - now
        if self.on_switch_to_real is not None:
            self.on_switch_to_real(reason)

    def install(self):
        """In virtual mode, make the :mod:`time` module read program time."""
        if not self.virtual:
            return
        clock = self
        # Each function goes on from its real reading now, at program speed.
        start_time = clock.program_time()
        start_ns = int(start_time * 1e9)
        monotonic_at = _real_monotonic() - start_time
        monotonic_ns_at = _real_monotonic_ns() - start_ns
        perf_counter_at = _real_perf_counter() - start_time
        perf_counter_ns_at = _real_perf_counter_ns() - start_ns
        time_at = _real_time() - start_time
        time_ns_at = _real_time_ns() - start_ns
        program_time = clock.program_time

        def monotonic():
            return monotonic_at + program_time()

        def monotonic_ns():
            return monotonic_ns_at + int(program_time() * 1e9)

        def perf_counter():
            return perf_counter_at + program_time()

        def perf_counter_ns():
            return perf_counter_ns_at + int(program_time() * 1e9)

        def time_():
            return time_at + program_time()

        def time_ns():
            return time_ns_at + int(program_time() * 1e9)

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
