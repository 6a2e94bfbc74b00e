"""Keeping the runner's own frames out of every stack the program can print.

The student's module runs *below* run.py, session.main and program.run, and
asyncio's callbacks run through the runner's ``Handle._run`` wrapper. Plain
``python3 main.py`` has none of these frames, so wherever a stack becomes
text they are taken out:

* the traceback of the uncaught exception (and of its causes, contexts and
  group members): :func:`strip_runner_frames` relinks ``tb_next`` around them;
* ``traceback.walk_stack``, which asyncio's debug mode uses to record where
  tasks, futures and handles were created: :func:`patch_walk_stack`;
* the "Coroutine created at" list of a never-awaited coroutine in debug
  mode, which CPython records in C (``cr_origin``, limited to the depth
  asyncio asks for): :func:`patch_coroutine_origins` records a few more
  frames than asked and drops the runner's before the list is printed, so
  the student sees exactly the frames plain Python would show.
"""

import sys

USER_FILE = "main.py"

#: More frames than the runner can ever add to one stack (3 below main.py,
#: the Handle._run and create_task wrappers).
RUNNER_FRAMES_MAX = 8

RUNNER_PREFIX = __file__.rpartition("/")[0].rpartition("/")[0] + "/"


def is_runner_frame(frame, _prefix=RUNNER_PREFIX):
    return frame.f_code.co_filename.startswith(_prefix)


def strip_runner_frames(tb):
    """The traceback ``tb`` without the entries of runner frames (relinks ``tb_next``)."""
    while tb is not None and is_runner_frame(tb.tb_frame):
        tb = tb.tb_next
    entry = tb
    while entry is not None:
        following = entry.tb_next
        while following is not None and is_runner_frame(following.tb_frame):
            following = following.tb_next
        entry.tb_next = following
        entry = following
    return tb


def strip_exception(exc, seen=None):
    """:func:`strip_runner_frames` on ``exc`` and every exception chained or grouped in it."""
    seen = seen if seen is not None else set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc.__traceback__ = strip_runner_frames(exc.__traceback__)
        for member in getattr(exc, "exceptions", None) or ():
            if isinstance(member, BaseException):
                strip_exception(member, seen)
        strip_exception(exc.__cause__, seen)
        exc = exc.__context__


def patch_walk_stack(traceback_module):
    """``traceback.walk_stack`` without the runner's frames."""
    original = traceback_module.walk_stack

    def walk_stack(f):
        if f is None:
            return original(None)  # its frame arithmetic must see the caller's stack
        return ((frame, line) for frame, line in original(f) if not is_runner_frame(frame))

    walk_stack.__doc__ = original.__doc__
    traceback_module.walk_stack = walk_stack


def patch_coroutine_origins(warnings_module):
    """Coroutine-origin tracking that hides the runner's frames (debug mode)."""
    real_set_depth = sys.set_coroutine_origin_tracking_depth
    real_get_depth = sys.get_coroutine_origin_tracking_depth
    requested = [real_get_depth()]

    def set_coroutine_origin_tracking_depth(depth):
        real_set_depth(depth + RUNNER_FRAMES_MAX if depth > 0 else depth)
        requested[0] = depth

    def get_coroutine_origin_tracking_depth():
        return requested[0]

    # Same text as CPython 3.11-3.13's warnings._warn_unawaited_coroutine, which
    # the interpreter calls by name. It must *replace* that function, not wrap
    # it: the warning's stacklevel=2 has to land on the student's frame.
    def _warn_unawaited_coroutine(coro):
        msg_lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
        if coro.cr_origin is not None:
            import linecache
            import traceback

            origin = [entry for entry in coro.cr_origin
                      if not entry[0].startswith(RUNNER_PREFIX)][:requested[0]]

            def extract():
                for filename, lineno, funcname in reversed(origin):
                    yield (filename, lineno, funcname, linecache.getline(filename, lineno))

            msg_lines.append("Coroutine created at (most recent call last)\n")
            msg_lines += traceback.format_list(list(extract()))
        msg = "".join(msg_lines).rstrip("\n")
        warnings_module.warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)

    sys.set_coroutine_origin_tracking_depth = set_coroutine_origin_tracking_depth
    sys.get_coroutine_origin_tracking_depth = get_coroutine_origin_tracking_depth
    warnings_module._warn_unawaited_coroutine = _warn_unawaited_coroutine
