"""The playground server under test: started from the jar as a teacher would, stopped by its pid."""

import os
import signal
import socket
import subprocess
import tempfile
import time

from . import procfs
from .cpuacct import CpuAccount
from .client import Client, HttpError


def free_port():
    """A loopback port nobody listens on right now (the server binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerFailed(Exception):
    """The server did not come up, or its sandbox does not work (the benchmark cannot measure it)."""


class PlaygroundServer:
    """``java @src/main/jvm.options -jar <jar>`` (as ./playground starts it) with the default settings on a free port, as a context manager.

    The environment is the caller's minus every ``PLAYGROUND_*``, ``HOST``
    and ``PORT`` (so a developer's shell does not change the figures), plus
    ``PLAYGROUND_PYTHON`` (the interpreter the plain-python figures use
    too) and the ``settings`` asked for. The log goes to a temporary file,
    shown when start-up fails.
    """

    def __init__(self, repo, jar, python, settings=None, start_timeout=90):
        self.repo = repo
        self.jar = jar
        self.python = python
        self.settings = dict(settings or {})
        self.start_timeout = start_timeout
        self.port = None
        self.process = None
        self.health = None
        self.cpu_account = None
        self._log = None

    @property
    def pid(self):
        return self.process.pid

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("PLAYGROUND_") and k not in ("HOST", "PORT")}
        self.port = free_port()
        env.update(PORT=str(self.port), PLAYGROUND_PYTHON=self.python, **self.settings)
        self._log = tempfile.NamedTemporaryFile(prefix="bench-server-", suffix=".log", delete=False)
        self.cpu_account = CpuAccount.create()
        prefix = self.cpu_account.command_prefix() if self.cpu_account else []
        self.process = subprocess.Popen([*prefix, "java", f"@{self.repo / 'src' / 'main' / 'jvm.options'}", "-jar", str(self.jar)], cwd=self.repo, env=env,
                                        stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            self._wait_until_healthy()
        except ServerFailed as failure:
            tail = self.log_tail()
            self.stop()
            raise ServerFailed(f"{failure}\n{tail}") from None

    def _wait_until_healthy(self):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"the server exited with status {self.process.returncode}")
            probe = Client(self.port, timeout=2)
            try:
                self.health = probe.get_json("/api/health")
                break
            except (OSError, ValueError, HttpError):
                time.sleep(0.2)
            finally:
                probe.close()
        else:
            raise ServerFailed(f"the server did not answer within {self.start_timeout} s")
        if self.health.get("sandbox") in (None, "none") and not self.settings.get("PLAYGROUND_INSECURE"):
            raise ServerFailed("the server has no working sandbox, so it refuses runs: "
                               + str(self.health.get("isolation", "")))

    def descendants(self):
        """pids of every process the server started that is still alive (runs and warm runners)."""
        return [pid for pid in procfs.subtree(self.pid) if pid != self.pid]

    def stop(self):
        """SIGTERM (the server cleans up its runs and state dir), SIGKILL after 15 s; returns leftover pids."""
        if self.process is None:
            return []
        started = self.descendants() if self.process.poll() is None else []
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        leftovers = self._still_alive(started)
        self._log.close()
        os.unlink(self._log.name)
        self.process = None
        if self.cpu_account is not None and not self.cpu_account.remove():
            leftovers.append(f"cgroup {self.cpu_account.directory} not empty")
        return leftovers

    @staticmethod
    def _still_alive(pids, patience=5.0):
        """The pids among ``pids`` still running after ``patience`` seconds (runs die with the server, not at once)."""
        deadline = time.monotonic() + patience
        while True:
            alive = [pid for pid in pids if procfs.is_running(pid)]
            if not alive or time.monotonic() > deadline:
                return alive
            time.sleep(0.1)

    def cpu_seconds_with_runs(self):
        """CPU of the server and all its runs so far (None where it cannot be accounted)."""
        return None if self.cpu_account is None else self.cpu_account.seconds()

    def log_tail(self, lines=30):
        try:
            with open(self._log.name, encoding="utf-8", errors="replace") as log:
                return "".join(log.readlines()[-lines:])
        except OSError:
            return ""
