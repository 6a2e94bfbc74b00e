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
daemon: it never delays exit. It is stopped at exit (:meth:`Watchdog.stop`)
before the interpreter shuts down.
"""

import _thread
import sys

from .tasks import user_line

TICK_SECONDS = 0.02
SAMPLE_AFTER_SECONDS = 0.03


class Watchdog:
    def __init__(self, steps, clock, events, user_file):
        self._steps = steps
        self._clock = clock
        self._events = events
        self._user_file = user_file
        self._state = "idle"  # then "running", then "stopped" for good
        # Held while the thread should keep ticking; releasing it wakes the thread to stop.
        self._keep_going = _thread.allocate_lock()
        # Held while the thread runs; released by the thread as it ends.
        self._running = _thread.allocate_lock()

    def start(self):
        """Start once; later calls do nothing (every new event loop calls it)."""
        if self._state != "idle":
            return
        self._state = "running"
        self._keep_going.acquire()
        self._running.acquire()
        _thread.start_new_thread(self._watch, ())

    def stop(self):
        """Let the thread finish its tick and end (called before interpreter shutdown).

        A daemon thread still running when the interpreter finalizes is frozen
        wherever it is, possibly holding the event locks the last output needs.
        """
        if self._state != "running":
            self._state = "stopped"
            return
        self._state = "stopped"
        self._keep_going.release()
        if self._running.acquire(timeout=1.0):
            self._running.release()

    def _watch(self):
        steps = self._steps
        real_monotonic = self._clock.real_monotonic
        current_frames = sys._current_frames
        flush = self._events.flush_output
        while not self._keep_going.acquire(timeout=TICK_SECONDS):
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
        self._running.release()
