"""Following every asyncio task: created, running, waiting (on what, where), finished.

Two seams in asyncio see everything, in CPython 3.11 to 3.13 alike:

* ``BaseEventLoop.create_task`` creates every task the loop runs
  (``asyncio.run``'s main task, ``create_task``, ``ensure_future``,
  ``gather``, ``TaskGroup``...). The task that is *stepping* at that moment
  in this thread is the new task's parent.
* ``events.Handle._run`` runs every callback the loop calls, and is pure
  Python. A task advances ("steps") only inside such a callback: the C task
  schedules ``TaskStepMethWrapper`` or its ``task_wakeup`` method, and both
  carry the task as ``__self__``. Wrapping ``_run`` therefore sees each step
  of each task, how long it held the loop, and how it ended: the task is
  done, or suspended on something :mod:`.awaiting` can describe.

Per step, the tracker keeps a :class:`Step` for the loop's thread: which task
runs, since when (program time) and, if a watchdog or a virtual
``time.sleep`` found one, the user line that held the loop. A step longer
than :data:`BLOCKED_SECONDS` becomes a ``blocked`` event.

Event volume is kept proportional to what a timeline needs. Every task gets
``created``, one ``waiting`` per suspension and a final state. A ``running``
event is sent only for steps that matter on their own: a step that prints,
creates tasks, blocks, or lasts at least :data:`RUNNING_EVENT_SECONDS`. Any
other step is instantaneous at the time of the ``waiting``/final event that
ends it, which is how a timeline draws it anyway.

And it is bounded, because a timeline of ten thousand rows teaches nothing
and following a task costs several times what the task itself costs
(docs/performance.md): only the first :data:`DEFAULT_TRACKED_TASKS` tasks
are followed, and after :data:`~.events.DEFAULT_TASK_EVENTS` task events
none are (the handshake may set both; asyncio's own shutdown tasks do
not count). The first time either limit leaves something out, a
``notice`` event says so. The program itself runs on unchanged: its
output and ``blocked`` events still arrive, attributed to the task id
``untracked`` while an untracked task runs.
"""

import _thread
import os
import sys

from .awaiting import describe_wait
from .wire import quote

#: A step holding the loop longer than this is reported as ``blocked``.
BLOCKED_SECONDS = 0.05

#: A step at least this long gets its own ``running`` event.
RUNNING_EVENT_SECONDS = 0.001

#: Tasks followed per run; later ones run untracked.
DEFAULT_TRACKED_TASKS = 1_000

#: Attribute holding a task's :class:`TaskRecord` on the task object itself
#: (not in a dict keyed by the task: that would keep tasks alive and change
#: when asyncio reports "Task was destroyed but it is pending!").
RECORD_ATTRIBUTE = "_playground_record"


class TaskRecord:
    """The runner's view of one task: its id and names, pre-quoted for event lines."""

    __slots__ = ("id_json", "name", "fields", "silent", "followed")

    def __init__(self, number, name, parent_json, silent=False):
        self.id_json = f'"t{number}"'
        self.name = name
        #: the part of every task event that never changes
        self.fields = f'"id":{self.id_json},"name":{quote(name)},"parent":{parent_json}'
        #: asyncio's own housekeeping tasks (asyncio.run's shutdown_asyncgens...) send no events
        self.silent = silent
        #: False for the record shared by all tasks past the limits
        self.followed = True

    @classmethod
    def untracked(cls):
        """The record of every task the timeline does not follow: no events, output says "untracked"."""
        record = cls(0, "(untracked)", "null")  # a followed task awaiting one waits on "Task (untracked)"
        record.id_json = '"untracked"'
        record.fields = None
        record.followed = False
        return record


UNTRACKED = TaskRecord.untracked()


class Step:
    """What one thread's event loop is running now (reused from step to step)."""

    __slots__ = ("serial", "record", "real_start", "program_start", "real_end", "program_end", "line", "running_sent",
                 "active", "sleep_future", "sleep_delay")

    def __init__(self):
        self.serial = 0
        self.record = None
        self.real_start = 0.0  # real monotonic clock when the step began
        self.program_start = 0.0  # program time then
        self.real_end = 0.0  # real monotonic clock when the previous step ended
        #: program time at the end of the previous step, while the loop has
        #: done nothing since (same iteration); else None
        self.program_end = None
        self.line = None
        self.running_sent = False
        self.active = False
        self.sleep_future = None  # the future of the last asyncio.sleep timer set in this step
        self.sleep_delay = None


def user_line(frame, user_file):
    """Line of the innermost frame of ``user_file`` at or below ``frame`` in the stack."""
    while frame is not None:
        if frame.f_code.co_filename == user_file:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _default_task_name(name):
    return name.startswith("Task-") and name[5:].isdigit()


class TaskTracker:
    """Installs the two asyncio seams and turns what they see into events."""

    def __init__(self, events, clock, user_file, tracked_tasks=DEFAULT_TRACKED_TASKS):
        self._events = events
        self._clock = clock
        self._user_file = user_file
        self._task_count = 0
        self._tracked_tasks = tracked_tasks
        self._untracked_announced = False
        events.on_task_events_spent = self._stop_following
        #: thread ident -> Step, for every thread that has run a loop step
        self.steps = {}
        #: the same Step, as ``_this_thread.step`` in its own thread (faster to reach)
        self._this_thread = _thread._local()
        self._main_thread = _thread.get_ident()
        self._task_types = ()
        self._naming_callers = set()
        self._asyncio_dir = "/nonexistent/"
        #: True in a forked child, or after an internal error: no more task events
        self.silenced = False
        clock.on_virtual_sleep = self._note_virtual_sleep

    # -- installation ---------------------------------------------------------

    def install(self, asyncio_module):
        from asyncio import base_events, events, futures, tasks

        self._asyncio_dir = asyncio_module.__file__.rpartition("/")[0] + "/"

        self._task_types = tuple({tasks.Task, getattr(tasks, "_PyTask", tasks.Task),
                                  getattr(tasks, "_CTask", tasks.Task)})
        # On 3.11, asyncio.create_task(coro, name=...) and TaskGroup.create_task
        # name the task only after loop.create_task returns: read the name
        # from their frame so the "created" event already carries it.
        self._naming_callers = {tasks.create_task.__code__}
        taskgroups = sys.modules.get("asyncio.taskgroups")
        if taskgroups is not None:
            self._naming_callers.add(taskgroups.TaskGroup.create_task.__code__)
        self._wrap_create_task(base_events.BaseEventLoop)
        self._wrap_call_later(base_events.BaseEventLoop, futures._set_result_unless_cancelled)
        self._wrap_handle_run(events.Handle)

    def _wrap_create_task(self, loop_class):
        original = loop_class.create_task
        register = self.register
        tracker = self

        def create_task(self, coro, *args, **kwargs):
            task = original(self, coro, *args, **kwargs)
            try:
                register(task, caller=sys._getframe(1))
            except Exception as exc:  # a runner bug must not become the program's error
                tracker.internal_error(exc)
            return task

        create_task.__doc__ = original.__doc__
        create_task.__qualname__ = original.__qualname__
        loop_class.create_task = create_task

    def _wrap_call_later(self, loop_class, sleep_callback):
        """Note the delay of each ``asyncio.sleep`` as it sets its timer.

        ``asyncio.sleep(delay)`` calls ``loop.call_later(delay,
        futures._set_result_unless_cancelled, future, result)``: remembering
        (future, delay) on the step lets the ``waiting`` event say
        ``sleep(0.5)`` without reading the sleep's frame locals.
        """
        original = loop_class.call_later
        this_thread = self._this_thread

        def call_later(self, delay, callback, *args, context=None):
            if callback is sleep_callback and args:
                step = getattr(this_thread, "step", None)
                if step is not None:
                    step.sleep_future = args[0]
                    step.sleep_delay = delay
            return original(self, delay, callback, *args, context=context)

        call_later.__doc__ = original.__doc__
        call_later.__qualname__ = original.__qualname__
        loop_class.call_later = call_later

    def _wrap_handle_run(self, handle_class):
        original = handle_class._run
        clock = self._clock
        real_monotonic = clock.real_monotonic
        program_time_at = clock.program_time_at
        task_types = self._task_types
        tracker = self
        this_thread = self._this_thread

        # The hottest code of the runner: it runs around every callback of
        # every loop, so it is written for speed: the thread's Step through a
        # thread-local, one reading of the real clock per step boundary, no
        # calls on the common path.
        def _run(self):
            owner = getattr(self._callback, "__self__", None)
            record = None
            if owner is not None and isinstance(owner, task_types):
                record = getattr(owner, RECORD_ATTRIBUTE, None)
                if record is None:
                    record = tracker.register(owner, announce_parent=False)
                if record.silent:
                    record = None
            try:
                step = this_thread.step
            except AttributeError:
                step = tracker._new_step()
            step.serial += 1
            step.record = record
            step.line = None
            step.running_sent = False
            # Steps of one loop iteration follow each other with nothing in
            # between: the previous step's end is this one's start.
            start = step.program_end
            if start is None:
                step.real_start = real = real_monotonic()
                start = program_time_at(real)
            else:
                step.real_start = step.real_end
            step.program_start = start
            step.active = True
            try:
                original(self)
            finally:
                step.active = False
                step.real_end = real_end = real_monotonic()
                # Program time, so that in virtual mode a step waiting for a
                # core on a busy server is not "blocked" (see clock.py).
                step.program_end = end = program_time_at(real_end)
                seconds = end - start
                try:
                    if seconds > BLOCKED_SECONDS:
                        tracker._report_blocked(step, seconds)
                    if record is not None:
                        if record.followed:
                            tracker._after_step(owner, record, step, seconds, end, real_end)
                        else:
                            step.sleep_future = None
                        step.record = None
                except Exception as exc:  # a runner bug must not become the program's error
                    tracker.internal_error(exc)

        _run.__doc__ = original.__doc__
        _run.__qualname__ = original.__qualname__
        handle_class._run = _run

    def internal_error(self, exc):
        """The tracker itself failed: say so on fd 2 (once) and stop sending task events.

        The program goes on exactly as before; only the run's timeline is cut short.
        """
        if not self.silenced:
            self.silenced = True
            os.write(2, f"playground runner: internal error, task events stop here: {exc!r}\n"
                        .encode("utf-8", "replace"))

    def new_iteration(self):
        """The loop of this thread starts an iteration: the previous step's end is stale."""
        step = getattr(self._this_thread, "step", None)
        if step is not None:
            step.program_end = None

    def _new_step(self):
        step = self._this_thread.step = self.steps[_thread.get_ident()] = Step()
        return step

    # -- what the seams report ------------------------------------------------

    def register(self, task, announce_parent=True, caller=None):
        """A new task exists: give it an id and a name, send ``created``."""
        coro = task.get_coro()
        code = getattr(coro, "cr_code", None)
        if code is not None and code.co_filename.startswith(self._asyncio_dir):
            # asyncio's own (asyncio.run's shutdown tasks): silent, and not counted against the limit
            record = TaskRecord(0, code.co_qualname, "null", silent=True)
            setattr(task, RECORD_ATTRIBUTE, record)
            return record
        if self._task_count >= self._tracked_tasks or self.silenced:
            return self._untracked(task)
        self._task_count += 1
        name = task.get_name()
        if caller is not None and caller.f_code in self._naming_callers:
            name = caller.f_locals.get("name") or name
        if _default_task_name(name):
            name = getattr(coro, "__qualname__", None) or name
        parent_json = "null"
        if announce_parent:
            step = self.steps.get(_thread.get_ident())
            if step is not None and step.record is not None:
                if not step.running_sent:
                    self._announce_running(step)
                parent_json = step.record.id_json
        record = TaskRecord(self._task_count, name, parent_json)
        setattr(task, RECORD_ATTRIBUTE, record)
        if not self.silenced:
            self._events.task(record.fields, "created")
            if task.done():  # an eager task (3.12+) may finish inside create_task
                self._events.task(record.fields, self._final_state(task))
        return record

    def _untracked(self, task):
        if not (self._untracked_announced or self.silenced):
            self._untracked_announced = True
            self._events.notice("tracked-tasks", self._tracked_tasks)
        setattr(task, RECORD_ATTRIBUTE, UNTRACKED)
        return UNTRACKED

    def _stop_following(self):
        # The run's task events are spent (Events sent the notice): no more work for events nobody sends.
        self.silenced = True

    def _after_step(self, task, record, step, seconds, program_end, real_end):
        if self.silenced:
            return
        if not step.running_sent and seconds >= RUNNING_EVENT_SECONDS:
            self._announce_running(step)
        if task.done():
            self._events.task(record.fields, self._final_state(task), program_end, real_end)
        else:
            self._events.task(record.fields, "waiting", program_end, real_end,
                              describe_wait(task, self._user_file, self._display_name,
                                            step.sleep_future, step.sleep_delay))
            step.sleep_future = None

    @staticmethod
    def _final_state(task):
        if task.cancelled():
            return "cancelled"
        # _exception, not exception(): the latter marks the exception as retrieved.
        return "failed" if task._exception is not None else "done"

    def _display_name(self, obj):
        record = getattr(obj, RECORD_ATTRIBUTE, None) if isinstance(obj, self._task_types) else None
        return None if record is None else record.name

    def _announce_running(self, step):
        if step.running_sent or self.silenced or not step.record.followed:
            return
        step.running_sent = True
        self._events.task(step.record.fields, "running", step.program_start, step.real_start)

    def _report_blocked(self, step, seconds):
        # Also when task events have stopped: a blocked loop is the lesson.
        task_json = "null"
        if step.record is not None:
            self._announce_running(step)
            task_json = step.record.id_json
        self._events.blocked(task_json, seconds, step.line)

    def _note_virtual_sleep(self, seconds):
        # time.sleep inside a step: remember where, for the blocked event.
        step = self.steps.get(_thread.get_ident())
        if step is not None and step.active and step.line is None:
            step.line = user_line(sys._getframe(2), self._user_file)

    # -- who is writing output ------------------------------------------------

    def current_task_json(self):
        """The ``task`` field of an output event written now by this thread."""
        ident = _thread.get_ident()
        step = self.steps.get(ident)
        if step is not None and step.record is not None:
            if not step.running_sent:
                self._announce_running(step)
            return step.record.id_json
        if ident == self._main_thread:
            return "null"
        threading = sys.modules.get("threading")
        thread = threading._active.get(ident) if threading is not None else None
        return quote(f"thread:{thread.name if thread is not None else ident}")
