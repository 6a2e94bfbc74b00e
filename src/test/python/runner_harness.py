"""Play the server's part for one runner process: for development, tests and benchmarks.

Does what the Java server does per docs/runner-protocol.md, without a sandbox:
makes a private work dir and a channel dir, listens on ``events.sock``, starts

    <python> -I -X utf8 -u <runner-dir>/run.py --channel <socket>

in the work dir with a clean environment and stdin from /dev/null, sends the
handshake, and collects the events, fd 1/fd 2 bytes and the exit status.

As a library::

    from runner_harness import run_program, run_plain
    result = run_program("print('hi')", mode="virtual")
    result.stdout, result.stderr, result.exit_code, result.events

From the command line (prints events as they arrive, then a summary)::

    python3 src/test/python/runner_harness.py [--mode real] [--python X] main.py
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
RUNNER_DIR = REPO / "src" / "main" / "resources" / "runner"
DEFAULT_PYTHON = "/usr/bin/python3"


def clean_environment(work_dir):
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(work_dir)}


class RunResult:
    """What one run produced, as the server would see it."""

    def __init__(self, events, raw_stdout, raw_stderr, exit_code, wall_seconds, bad_lines):
        self.events = events
        self.raw_stdout = raw_stdout
        self.raw_stderr = raw_stderr
        self.exit_code = exit_code
        self.wall_seconds = wall_seconds
        self.bad_lines = bad_lines

    def _stream(self, name, raw):
        text = "".join(e["text"] for e in self.events if e.get("type") == "output" and e.get("stream") == name)
        return text + raw.decode("utf-8", "replace")

    @property
    def stdout(self):
        """Output events' text, then whatever reached fd 1 directly (as the server concatenates)."""
        return self._stream("stdout", self.raw_stdout)

    @property
    def stderr(self):
        return self._stream("stderr", self.raw_stderr)

    def of_type(self, kind):
        return [e for e in self.events if e.get("type") == kind]

    def __repr__(self):
        return (f"RunResult(exit_code={self.exit_code}, events={len(self.events)}, "
                f"wall={self.wall_seconds:.3f}s, stdout={self.stdout[:60]!r})")


def run_program(code, mode="virtual", python=DEFAULT_PYTHON, timeout=60, limits=None,
                on_event=None, runner_dir=RUNNER_DIR):
    """Run ``code`` under the runner; returns a :class:`RunResult`."""
    base = Path(tempfile.mkdtemp(prefix="runner-harness-"))
    work_dir = base / "work"
    channel_dir = base / "channel"
    work_dir.mkdir()
    channel_dir.mkdir()
    socket_path = channel_dir / "events.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(socket_path))
        server.listen(1)
        server.settimeout(timeout)
        started = time.perf_counter()
        process = subprocess.Popen(
            [python, "-I", "-X", "utf8", "-u", str(runner_dir / "run.py"), "--channel", str(socket_path)],
            cwd=work_dir, env=clean_environment(work_dir),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        events, bad_lines = [], []
        reader = None
        try:
            connection, _ = server.accept()
            handshake = {"code": code, "mode": mode, "limits": limits or {"programSeconds": 86400}}
            connection.sendall(json.dumps(handshake).encode() + b"\n")
            reader = threading.Thread(target=_read_events, args=(connection, events, bad_lines, on_event),
                                      daemon=True)
            reader.start()
        except socket.timeout:
            pass  # the runner never connected: its stderr will say why
        try:
            raw_stdout, raw_stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            raw_stdout, raw_stderr = process.communicate()
        wall = time.perf_counter() - started
        if reader is not None:
            reader.join(5)
        return RunResult(events, raw_stdout, raw_stderr, process.returncode, wall, bad_lines)
    finally:
        server.close()
        shutil.rmtree(base, ignore_errors=True)


def _read_events(connection, events, bad_lines, on_event):
    """Collect the channel's lines; parse them live only if someone watches.

    Parsing JSON in Python costs more than the runner spends producing an
    event, so without ``on_event`` the raw bytes are kept and parsed after
    the run (the reader must not slow the runner down by hogging a core).
    """
    with connection:
        if on_event is None:
            chunks = []
            while chunk := connection.recv(1 << 20):
                chunks.append(chunk)
            lines = b"".join(chunks).splitlines()
        else:
            lines = connection.makefile("rb")
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                bad_lines.append(line)
                continue
            events.append(event)
            if on_event is not None:
                on_event(event)


class PlainResult:
    def __init__(self, stdout, stderr, exit_code, wall_seconds):
        self.stdout, self.stderr, self.exit_code, self.wall_seconds = stdout, stderr, exit_code, wall_seconds


def run_plain(code, python=DEFAULT_PYTHON, timeout=60, normalise_path=True):
    """``python3 main.py`` in a fresh temp dir, the reference the runner must match.

    CPython 3.9+ gives the script an absolute ``__file__`` (``/tmp/x/main.py``);
    the runner shows ``main.py`` as the playground specifies, so by default the
    directory prefix is removed from the plain output to compare like with like.
    """
    work_dir = Path(tempfile.mkdtemp(prefix="plain-python-"))
    try:
        (work_dir / "main.py").write_text(code, encoding="utf-8")
        started = time.perf_counter()
        completed = subprocess.run([python, "main.py"], cwd=work_dir, env=clean_environment(work_dir),
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        wall = time.perf_counter() - started
        stdout = completed.stdout.decode("utf-8", "replace")
        stderr = completed.stderr.decode("utf-8", "replace")
        if normalise_path:
            prefix = f"{work_dir}/"
            stdout, stderr = stdout.replace(prefix, ""), stderr.replace(prefix, "")
        return PlainResult(stdout, stderr, completed.returncode, wall)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="a Python file to run as main.py")
    parser.add_argument("--mode", choices=("virtual", "real"), default="virtual")
    parser.add_argument("--python", default=DEFAULT_PYTHON)
    parser.add_argument("--quiet", action="store_true", help="no event stream, only the summary")
    args = parser.parse_args()
    code = Path(args.program).read_text(encoding="utf-8")
    printer = None if args.quiet else (lambda event: print(json.dumps(event, ensure_ascii=False), flush=True))
    result = run_program(code, mode=args.mode, python=args.python, on_event=printer)
    print("---- stdout\n" + result.stdout, end="")
    print("---- stderr\n" + result.stderr, end="")
    print(f"---- exit {result.exit_code}, {len(result.events)} events, wall {result.wall_seconds:.3f} s"
          + (f", {len(result.bad_lines)} bad lines" if result.bad_lines else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
