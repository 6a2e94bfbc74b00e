"""A background thread that notices a loop step running too long, and where.

When a step holds the event loop (a CPU loop, a blocking call such as
``time.sleep`` in real mode or a blocking socket read), the step wrapper in
:mod:`.tasks` learns its duration only once it has ended, when the
offending frame is gone. So this thread looks while it happens: every
:data:`TICK_SECONDS` it checks each loop thread's current :class:`~.tasks.Step`
and, once one has run for :data:`SAMPLE_AFTER_SECONDS`, reads that thread's
stack with ``sys._current_frames()`` and records the innermost line of
main.py. The step wrapper then reports ``blocked`` with that line.

The thread also flushes queued events on every tick, so a busy loop that
prints nothing still streams its task events within a few tens of
milliseconds.

It is started with ``_thread`` rather than ``threading`` so that it never
appears in ``threading.enumerate()`` / ``active_count()`` (the student's
program must see the threads it would see under plain Python), and it is a
daemon: it never delays exit.
"""

import _thread
import sys

from .clock import real_sleep
from .tasks import user_line

TICK_SECONDS = 0.02
SAMPLE_AFTER_SECONDS = 0.03


class Watchdog:
    def __init__(self, steps, clock, events, user_file):
        self._steps = steps
        self._clock = clock
        self._events = events
        self._user_file = user_file
        self._started = False

    def start(self):
        """Start once; later calls do nothing (every new event loop calls it)."""
        if self._started:
            return
        self._started = True
        _thread.start_new_thread(self._watch, ())

    def _watch(self):
        steps = self._steps
        real_monotonic = self._clock.real_monotonic
        current_frames = sys._current_frames
        flush = self._events.flush_output
        while True:
            real_sleep(TICK_SECONDS)
            now = real_monotonic()
            for ident, step in list(steps.items()):
                serial = step.serial
                if step.active and step.line is None and now - step.real_start >= SAMPLE_AFTER_SECONDS:
                    frame = current_frames().get(ident)
                    line = user_line(frame, self._user_file)
                    if step.serial == serial and step.active:
                        step.line = line
                    frame = None
            flush()
