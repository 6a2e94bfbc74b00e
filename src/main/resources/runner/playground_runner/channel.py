"""The event channel: the unix socket to the server, written as JSON lines.

One :class:`Channel` per run. It connects before any user code exists, reads
the handshake line, and from then on carries event lines to the server.

Lines are *queued* by :meth:`Channel.post` and *sent* by :meth:`Channel.flush`.
Sending one ``sendall`` per event would cost a system call for each of the
tens of thousands of task events a big ``gather`` produces, so the rest of
the runner flushes at the moments the server (and so the student) should see
what happened:

* after every completed line of program output (streaming output),
* before the event loop waits for real (nothing else will happen for a while),
* every few tens of milliseconds from the watchdog thread,
* when the queue holds :data:`MAX_QUEUED` lines, and at exit.

All methods are thread-safe: user threads print too.

Failure policy: the runner must never fail *silently*, and never in a way
that looks like the student's error. If the socket breaks, the runner writes
a line starting with ``playground runner:`` to fd 2 and ends the process at
once with :data:`EXIT_CHANNEL_FAILED`.

Everything a send needs is held on the instance (bound methods, not module
globals), because late output during interpreter shutdown can arrive after
module globals have been torn down.
"""

import _socket
import _thread
import os

from . import wire

#: Exit status of a runner whose event channel broke (sysexits' EX_SOFTWARE).
EXIT_CHANNEL_FAILED = 70

#: Queued lines that force a send even without a flush point.
MAX_QUEUED = 512

#: Longest wait for the send lock before giving up on one flush.
LOCK_TIMEOUT_SECONDS = 1.0


class ChannelError(Exception):
    """The server's side of the channel misbehaved (closed early, sent garbage)."""


class Channel:
    """A connected event socket with a queue of encoded lines waiting to be sent."""

    def __init__(self, sock):
        self._sock = sock
        self._sendall = sock.sendall
        self._queue = []
        self._lock = _thread.RLock()
        self._sending = False
        self._encode = wire.encode_line
        self._os_write = os.write
        self._os_exit = os._exit
        self.closed = False  # True in a forked child: it must not speak for the run

    @classmethod
    def connect(cls, path):
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        sock.connect(path)
        return cls(sock)

    def read_handshake(self, limit=16 * 1024 * 1024):
        """Read and parse the single JSON line the server sends first."""
        chunks = []
        size = 0
        while True:
            chunk = self._sock.recv(65536)
            if not chunk:
                raise ChannelError("the server closed the channel before the handshake")
            newline = chunk.find(b"\n")
            if newline >= 0:
                chunks.append(chunk[:newline])
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise ChannelError("handshake line too long")
        try:
            message = wire.decode(b"".join(chunks).decode("utf-8"))
        except ValueError as exc:
            raise ChannelError(f"handshake is not JSON: {exc}") from None
        if not isinstance(message, dict):
            raise ChannelError("handshake is not a JSON object")
        return message

    def post(self, line):
        """Queue one event line (a str holding one JSON object, no newline).

        ``list.append`` is atomic, and :meth:`_send_queued` only ever removes
        the lines it has taken, so queueing needs no lock (the hot path:
        one call per task event).
        """
        queue = self._queue
        queue.append(line)
        if len(queue) >= MAX_QUEUED:
            self.flush()

    def post_and_flush(self, line):
        self._queue.append(line)
        self.flush()

    def flush(self):
        # A timeout, not a plain wait: a daemon thread (the program's, or the
        # watchdog) frozen by interpreter shutdown while holding the lock
        # must not hang the exit. Its lines then go out with a later flush, or not at all.
        if not self._lock.acquire(timeout=LOCK_TIMEOUT_SECONDS):
            return
        try:
            if self._queue and not self._sending:
                self._send_queued()
        finally:
            self._lock.release()

    def _send_queued(self):
        # Called with the lock held. The lock is reentrant because a garbage
        # collection inside this method can run a finalizer that prints (asyncio's
        # "Task was destroyed..."); ``_sending`` makes such a nested flush leave
        # the queue alone, its lines are appended after the ones taken here.
        self._sending = True
        try:
            queue = self._queue
            taken = len(queue)
            if self.closed:
                del queue[:taken]
                return
            data = self._encode("\n".join(queue[:taken]) + "\n")
            del queue[:taken]
            try:
                self._sendall(data)
            except OSError as exc:
                self.fail(f"event channel failed: {exc}")
        finally:
            self._sending = False

    def fail(self, message):
        """Report a runner failure on fd 2 and end the process immediately."""
        try:
            self._os_write(2, f"playground runner: {message}\n".encode("utf-8", "replace"))
        finally:
            self._os_exit(EXIT_CHANNEL_FAILED)

    def detach_after_fork(self):
        """In a forked child: drop queued lines and stay silent from now on."""
        self.closed = True
        self._lock = _thread.RLock()
        self._sending = False
        self._queue = []
