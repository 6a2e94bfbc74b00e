"""One run, from the handshake to the exit status.

The order matters and is the protocol's (docs/runner-protocol.md):

1. connect to the channel and read the handshake (no user code exists yet:
   a warm pool may keep runners waiting here);
2. write main.py, build the clock, event writer and task tracker, and put
   the patches in place: eager ones (time, process creation, signals,
   fork), lazy ones on import (asyncio, threading, traceback), and the
   output streams;
3. send ``start``, set program time 0, run main.py as ``__main__``;
4. leave with the exit status ``python3 main.py`` would have had.

Any failure of the runner itself before the program starts is reported on
fd 2 with the prefix ``playground runner:`` and exit status 70, never as if
the student's program had failed.
"""

import atexit
import os
import sys

from . import channel as channel_module
from . import hooks, output, program, tracebacks
from .clock import DEFAULT_PROGRAM_SECONDS, ProgramClock
from .events import DEFAULT_TASK_EVENTS, Events
from .tasks import DEFAULT_TRACKED_TASKS, TaskTracker
from .watchdog import Watchdog

#: Exit status when a virtual run passes its program-time limit.
EXIT_PROGRAM_TIME_LIMIT = 124


def _die(message):
    os.write(2, f"playground runner: {message}\n".encode("utf-8", "replace"))
    os._exit(channel_module.EXIT_CHANNEL_FAILED)


def _channel_path(argv):
    if len(argv) == 2 and argv[0] == "--channel" and argv[1]:
        return argv[1]
    _die("usage: run.py --channel <socket-path>")


def _read_run(channel):
    hello = channel.read_handshake()
    code = hello.get("code")
    mode = hello.get("mode", "virtual")
    limits = hello.get("limits") or {}
    if not isinstance(code, str) or mode not in ("virtual", "real") or not isinstance(limits, dict):
        raise channel_module.ChannelError("handshake needs a string 'code' and 'mode' virtual|real")
    return code, mode, _RunLimits(limits)


class _RunLimits:
    """The handshake's ``limits``; a missing or unusable value means the default."""

    def __init__(self, limits):
        self.program_seconds = float(_positive(limits, "programSeconds", (int, float), DEFAULT_PROGRAM_SECONDS))
        self.tracked_tasks = _positive(limits, "trackedTasks", int, DEFAULT_TRACKED_TASKS)
        self.task_events = _positive(limits, "taskEvents", int, DEFAULT_TASK_EVENTS)


def _positive(limits, key, types, default):
    value = limits.get(key, default)
    return value if isinstance(value, types) and not isinstance(value, bool) and value > 0 else default


def main(argv):
    path = _channel_path(argv)
    try:
        channel = channel_module.Channel.connect(path)
        code, mode, limits = _read_run(channel)
        work_dir = os.getcwd()
        with open(program.USER_FILE, "w", encoding="utf-8", newline="") as main_file:
            main_file.write(code)
    except (OSError, UnicodeError, channel_module.ChannelError) as exc:
        _die(f"cannot start the run: {exc}")

    clock = ProgramClock(virtual=(mode == "virtual"), program_seconds_limit=limits.program_seconds)
    events = Events(channel, clock, limits.task_events)
    tracker = TaskTracker(events, clock, program.USER_FILE, limits.tracked_tasks)
    watchdog = Watchdog(tracker.steps, clock, events, program.USER_FILE)
    clock.on_switch_to_real = lambda reason: events.clock("real", reason)

    def stop_at_program_time_limit():
        # The last event carries a program time past the limit, which is how
        # the server recognises the end (reason "timeout"); the exit status and
        # the line on fd 2 say it to anyone running the runner by hand.
        events.clock("real", "program time limit")
        os.write(2, f"playground runner: program time limit reached ({limits.program_seconds:g} s)\n".encode())
        os._exit(EXIT_PROGRAM_TIME_LIMIT)

    clock.on_limit = stop_at_program_time_limit

    ending = _Ending(events, watchdog)
    atexit.register(ending.at_exit)  # registered first, so it runs after the program's own handlers
    _install_patches(clock, events, tracker, watchdog, code)
    streams = output.install(events, tracker.current_task_json)
    os.register_at_fork(after_in_child=lambda: _silence_child(channel, streams, tracker))

    module = program.prepare_main_module(work_dir)
    events.start(sys.version.split()[0], clock.mode)
    clock.install()
    clock.start_program()
    outcome = program.run(code, module, on_error=ending.report_error)
    events.flush_output()
    if outcome.system_exit is not None:
        raise outcome.system_exit
    ending.interrupted = outcome.interrupted
    if outcome.exit_code:
        raise SystemExit(outcome.exit_code)


class _Ending:
    """What happens as the program ends: the error event, the last flush, SIGINT death."""

    def __init__(self, events, watchdog):
        self._events = events
        self._watchdog = watchdog
        self.interrupted = False

    def report_error(self, exc, line):
        try:
            message = str(exc)
        except Exception:
            message = "<exception str() failed>"
        self._events.error(type(exc).__name__, message, line)

    def at_exit(self):
        self._watchdog.stop()
        self._events.flush_output()
        if self.interrupted:
            # CPython ends a program killed by an uncaught KeyboardInterrupt
            # with SIGINT itself, so its parent sees a signal death.
            import signal

            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)


def _install_patches(clock, events, tracker, watchdog, code):
    import _posixsubprocess
    import signal

    for name in ("fork", "forkpty", "posix_spawn", "posix_spawnp", "system",
                 "execv", "execve", "spawnv", "spawnve"):
        hooks.switch_to_real_on(os, name, clock, "subprocess")
    hooks.switch_to_real_on(_posixsubprocess, "fork_exec", clock, "subprocess")
    for name in ("alarm", "setitimer"):
        hooks.switch_to_real_on(signal, name, clock, "signals")

    on_import = hooks.PatchOnImport()
    on_import.add("threading", lambda module: hooks.patch_thread_start(module, clock))
    on_import.add("linecache", lambda module: program.remember_source(module, code))
    on_import.add("traceback", tracebacks.patch_walk_stack)
    on_import.add("warnings", tracebacks.patch_coroutine_origins)
    on_import.add("asyncio", lambda module: _instrument_asyncio(module, clock, events, tracker, watchdog))
    on_import.install()


def _instrument_asyncio(asyncio_module, clock, events, tracker, watchdog):
    from asyncio import selector_events

    from .selector import wrap_selector_loops

    tracker.install(asyncio_module)
    wrap_selector_loops(selector_events.BaseSelectorEventLoop, clock,
                        before_real_wait=events.flush_output,
                        on_iteration=tracker.new_iteration,
                        on_new_loop=lambda loop: watchdog.start())


def _silence_child(channel, streams, tracker):
    channel.detach_after_fork()
    tracker.silenced = True
    for stream in streams:
        stream.write_to_fd_after_fork()
