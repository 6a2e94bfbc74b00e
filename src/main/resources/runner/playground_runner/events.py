"""The event vocabulary of docs/runner-protocol.md, written onto a :class:`~.channel.Channel`.

Each public method of :class:`Events` produces one event type. Every event
carries ``t`` (program clock, seconds since the student's code started) and
``wall`` (real seconds since the runner received the code).

Lines are assembled with f-strings from pre-quoted pieces rather than with
``json.dumps`` of a dict: a 10,000-task ``gather`` emits some 30,000 task
events and the formatting cost is what the student pays in wall time.

Program output is *coalesced*: ``print("a", "b")`` makes four ``write``
calls (``"a"``, ``" "``, ``"b"``, ``"\\n"``) and the student expects one
line. Writes from the same stream and task accumulate until a newline ends
them, or until any other event must go out (so the order of everything on
the channel is the order things happened), or a flush point.

Its lock waits at most a second: a daemon thread frozen by interpreter
shutdown while holding it must not hang the program's exit (the text is
then written unlocked rather than lost).
"""

import _thread

from .channel import LOCK_TIMEOUT_SECONDS
from .wire import quote

NULL = "null"

#: Task events one run may send. A 20,000-task gather would otherwise
#: produce 60,000 and pass the server's event cap, ending a run that printed
#: nothing with "too much output"; past this the timeline simply stops.
DEFAULT_TASK_EVENTS = 20_000


class Events:
    """Builds event lines and hands them to the channel, in the order things happened."""

    def __init__(self, channel, clock, task_events=DEFAULT_TASK_EVENTS):
        self._channel = channel
        self._post = channel.post
        self._post_and_flush = channel.post_and_flush
        self._program_time = clock.program_time
        self._wall_time = clock.wall_time
        self._clock = clock
        #: task events one run may send (the handshake's ``limits.taskEvents``)
        self._task_events = task_events
        #: how many of them are left; -1 once one was left out and the notice sent
        self.task_events_left = task_events
        #: called once, when the first task event is left out (set by the tracker)
        self.on_task_events_spent = None
        # Reentrant: a garbage collection while the lock is held can run a
        # finalizer that prints (asyncio's "Task was destroyed but it is pending!").
        self._lock = _thread.RLock()
        #: the output event being accumulated: [stream, task_json, t, wall, [texts]]
        self._pending = None

    # -- program output -------------------------------------------------------

    def output(self, stream, task_json, text):
        """One write to sys.stdout / sys.stderr (``task_json``: quoted task id or ``null``)."""
        locked = self._lock.acquire(timeout=LOCK_TIMEOUT_SECONDS)
        try:
            pending = self._pending
            if pending is not None and (pending[0] != stream or pending[1] != task_json):
                self._post(self._output_line(pending))
                pending = None
            if pending is None:
                self._pending = pending = [stream, task_json, self._program_time(), self._wall_time(), [text]]
            else:
                pending[4].append(text)
            if "\n" in text:
                self._pending = None
                self._post_and_flush(self._output_line(pending))
        finally:
            if locked:
                self._lock.release()

    def flush_output(self):
        """Send a partial line (no newline yet) and everything queued before it."""
        self._before_event()
        self._channel.flush()

    @staticmethod
    def _output_line(pending):
        stream, task_json, t, wall, texts = pending
        return (f'{{"type":"output","t":{t:.6f},"wall":{wall:.6f},"stream":"{stream}",'
                f'"task":{task_json},"text":{quote("".join(texts))}}}')

    def _before_event(self):
        # Another event is about to be queued: a partial output line written
        # earlier must go first to keep the order exact.
        locked = self._lock.acquire(timeout=LOCK_TIMEOUT_SECONDS)
        try:
            pending, self._pending = self._pending, None
            if pending is not None:
                self._post(self._output_line(pending))
        finally:
            if locked:
                self._lock.release()

    # -- everything else ------------------------------------------------------

    def start(self, python, mode):
        self._post_and_flush(f'{{"type":"start","t":0.0,"wall":{self._wall_time():.6f},'
                             f'"python":{quote(python)},"mode":{quote(mode)}}}')

    def task(self, fields, state, t=None, real=None, extra=""):
        """A task changed state.

        ``fields`` is the task's pre-built ``"id":..,"name":..,"parent":..``
        (see :class:`~.tasks.TaskRecord`); ``real`` a reading of
        ``clock.real_monotonic()`` and ``t`` the program time then, both
        given or both left out (now); ``extra`` the optional
        ``,"awaiting":..,"line":..`` part. Times are passed as plain floats,
        not tuples: at tens of thousands of events, every allocation the
        garbage collector must track shows.

        Past the run's budget of task events the event is left out; the
        first one left out sends a ``notice`` and calls ``on_task_events_spent``.
        """
        if self.task_events_left <= 0:
            if self.task_events_left == 0:
                self.task_events_left = -1
                self.notice("task-events", self._task_events)
                if self.on_task_events_spent is not None:
                    self.on_task_events_spent()
            return
        if self._pending is not None:
            self._before_event()
        clock = self._clock
        if real is None:
            real = clock.real_monotonic()
            t = clock.program_time_at(real)
        self._post(f'{{"type":"task","t":{t:.6f},'
                   f'"wall":{real - clock.wall_origin:.6f},{fields},"state":"{state}"{extra}}}')
        self.task_events_left -= 1

    def blocked(self, task_json, seconds, line, t=None):
        if self._pending is not None:
            self._before_event()
        if t is None:
            t = self._program_time()
        self._post(f'{{"type":"blocked","t":{t:.6f},"wall":{self._wall_time():.6f},"task":{task_json},'
                   f'"seconds":{seconds:.6f},"line":{NULL if line is None else line}}}')

    def notice(self, kind, limit):
        """The timeline reached one of its limits (``kind``: tracked-tasks | task-events); the program goes on."""
        self._before_event()
        self._post_and_flush(f'{{"type":"notice","t":{self._program_time():.6f},'
                             f'"wall":{self._wall_time():.6f},"kind":{quote(kind)},"limit":{int(limit)}}}')

    def clock(self, mode, reason):
        self._before_event()
        self._post_and_flush(f'{{"type":"clock","t":{self._program_time():.6f},'
                             f'"wall":{self._wall_time():.6f},"mode":{quote(mode)},"reason":{quote(reason)}}}')

    def error(self, kind, message, line):
        self._before_event()
        self._post_and_flush(f'{{"type":"error","t":{self._program_time():.6f},'
                             f'"wall":{self._wall_time():.6f},"kind":{quote(kind)},'
                             f'"message":{quote(message)},"line":{NULL if line is None else line}}}')
