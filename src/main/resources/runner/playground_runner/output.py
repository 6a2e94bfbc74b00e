"""``sys.stdout`` and ``sys.stderr`` that become ``output`` events.

Every Python-level write (``print``, ``sys.stderr.write``, warnings, logging,
tracebacks) goes through :class:`EventStream`, which asks the task tracker
who is writing (a task id, ``null`` outside tasks, ``"thread:<name>"`` for
another thread) and hands the text to :class:`~.events.Events`. Nothing of
it reaches fd 1/2, so stdout and stderr keep their exact relative order on
the one channel.

Bytes written *below* Python's ``sys.stdout`` (``os.write(1, ...)``, C code,
child processes) are untouched: fd 1 and fd 2 are still the server's pipes.
``fileno()`` returns those real descriptors for the same reason.

The stream behaves like the one ``python3 -u -X utf8`` gives a program
(a write-through ``TextIOWrapper``): UTF-8, ``surrogateescape`` on stdout and
``backslashreplace`` on stderr, ``buffer`` for bytes, ``write`` returns the
number of characters and rejects non-strings with CPython's message.

After ``os.fork()`` the child must not speak on the run's channel (its lines
would interleave with the parent's); :meth:`EventStream.write_to_fd_after_fork`
makes the child's streams write to fd 1/2 as plain Python's would.
"""

import codecs
import io
import os


class EventStream(io.TextIOBase):
    """A text stream whose writes are output events."""

    def __init__(self, stream_name, fd, errors, events, current_task_json):
        super().__init__()
        self._stream_name = stream_name
        self._fd = fd
        self._errors = errors
        self._events_output = events.output
        self._flush_output = events.flush_output
        self._current_task_json = current_task_json
        self._os_write = os.write
        self._direct = False
        self._buffer = _EventBuffer(self)

    # -- the text interface ---------------------------------------------------

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if text:
            if self._direct:
                self._os_write(self._fd, text.encode("utf-8", self._errors))
            else:
                self._events_output(self._stream_name, self._current_task_json(), text)
        return len(text)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not self._direct:
            self._flush_output()

    def fileno(self):
        return self._fd

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def close(self):
        # Like sys.stdout.close() in plain Python: later writes raise ValueError.
        if not self.closed:
            self.flush()
        super().close()

    def reconfigure(self, **settings):
        if "errors" in settings and settings["errors"] is not None:
            self._errors = settings["errors"]

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    @property
    def write_through(self):
        return True

    @property
    def buffer(self):
        return self._buffer

    @property
    def name(self):
        return f"<{self._stream_name}>"

    @property
    def mode(self):
        return "w"

    def __repr__(self):
        return f"<_io.TextIOWrapper name='<{self._stream_name}>' mode='w' encoding='utf-8'>"

    # -- used by the session --------------------------------------------------

    def write_to_fd_after_fork(self):
        self._direct = True


class _EventBuffer(io.RawIOBase):
    """``sys.stdout.buffer``: bytes decoded as UTF-8 (incrementally) and written as text."""

    def __init__(self, stream):
        super().__init__()
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data):
        data = bytes(memoryview(data))
        text = self._decoder.decode(data)
        if text:
            self._stream.write(text)
        return len(data)

    def flush(self):
        self._stream.flush()

    def fileno(self):
        return self._stream.fileno()

    def writable(self):
        return True

    def isatty(self):
        return False

    @property
    def name(self):
        return self._stream.name

    @property
    def mode(self):
        return "wb"


def install(events, current_task_json):
    """Replace sys.stdout/sys.stderr (and the ``__stdout__``/``__stderr__`` the
    interpreter falls back to while shutting down) by event streams."""
    import sys

    stdout = EventStream("stdout", 1, "surrogateescape", events, current_task_json)
    stderr = EventStream("stderr", 2, "backslashreplace", events, current_task_json)
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr
    return stdout, stderr
