"""Running the student's main.py the way ``python3 main.py`` runs it.

What the program can observe is set up as under plain Python:

* a fresh module named ``__main__`` (replacing run.py's in ``sys.modules``),
  with the same set of dunder names, ``__file__ == "main.py"``;
* ``sys.argv == ["main.py"]`` and ``sys.path[0]`` = the work directory;
* the code compiled with the file name ``main.py`` (and no ``__future__``
  flags inherited from the runner), so tracebacks, warnings and
  ``linecache`` all name main.py with the student's line numbers. The source
  is put into ``linecache`` as soon as that is imported, so traceback lines
  show even if the program changes directory.

How the program ends is reported as plain Python would:

* ``SystemExit`` is handed back to run.py's top level, which re-raises it:
  the interpreter itself then prints it (if it is not an int) and picks the
  exit status.
* any other uncaught exception: its traceback is stripped of the runner's
  frames (see :mod:`.tracebacks`), an ``error`` event names the
  innermost line of main.py, and ``sys.excepthook`` prints it, as the
  interpreter would; the exit status is 1. A ``KeyboardInterrupt`` ends the
  process by SIGINT at the very end, as CPython does.
"""

import builtins
import sys
import types

from .tracebacks import USER_FILE, strip_exception

def innermost_user_line(exc):
    """The line of main.py where ``exc`` was raised (deepest main.py frame), or None."""
    if isinstance(exc, SyntaxError) and exc.filename == USER_FILE:
        return exc.lineno
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == USER_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Outcome:
    """How the program ended: ``system_exit`` to re-raise, or an ``exit_code``."""

    def __init__(self, system_exit=None, exit_code=0, interrupted=False):
        self.system_exit = system_exit
        self.exit_code = exit_code
        self.interrupted = interrupted


def prepare_main_module(work_dir):
    """Install and return a fresh ``__main__`` module, with argv and path as for ``python3 main.py``."""
    from _frozen_importlib_external import SourceFileLoader  # what importlib.machinery re-exports

    module = types.ModuleType("__main__")
    module.__dict__.update({
        "__file__": USER_FILE,
        "__cached__": None,
        "__loader__": SourceFileLoader("__main__", f"{work_dir}/{USER_FILE}"),
        "__spec__": None,
        "__builtins__": builtins,
        "__annotations__": {},
        "__package__": None,
    })
    sys.modules["__main__"] = module
    sys.argv[:] = [USER_FILE]
    sys.path.insert(0, work_dir)
    return module


def remember_source(linecache, code):
    """Put main.py's source into ``linecache`` (called when linecache is first imported:
    importing it costs milliseconds, via tokenize and re, that most runs never need)."""
    lines = code.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    # mtime None: linecache.checkcache() leaves such entries alone.
    linecache.cache[USER_FILE] = (len(code), None, lines, USER_FILE)


def run(code, module, on_error):
    """Execute ``code`` in ``module``; return an :class:`Outcome`.

    ``on_error(exc, line)`` is called for an uncaught exception, after its
    traceback has been stripped and before it is printed.
    """
    try:
        exec(compile(code, USER_FILE, "exec", dont_inherit=True), module.__dict__)
    except SystemExit as exc:
        return Outcome(system_exit=exc)
    except BaseException as exc:  # the student's uncaught exception
        strip_exception(exc)
        on_error(exc, innermost_user_line(exc))
        sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, exc.__traceback__
        if sys.version_info >= (3, 12):
            sys.last_exc = exc
        sys.excepthook(type(exc), exc, exc.__traceback__)
        return Outcome(exit_code=1, interrupted=isinstance(exc, KeyboardInterrupt))
    return Outcome()
