"""CPU used by the server *and every run it starts*, from a cgroup v1 ``cpuacct`` group of our own.

A run's processes are not reaped by the server in a way that carries their
CPU time up (bubblewrap's monitor learns its child's exit status through a
pipe, so ``cutime`` of the server stays near zero). Where the ``cpuacct``
controller is mounted on a hierarchy of its own and is writable (root, v1
or hybrid layout), the benchmark makes a group, starts the server in it,
and every process the server starts inherits it: the sandbox moves runs
only in the ``pids``, ``memory`` and ``cpu`` hierarchies. Accounting only:
nothing is limited. Elsewhere ``CpuAccount.create()`` returns None and the
figure is reported as not measured.
"""

import os
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup/cpuacct")


def _cpuacct_alone():
    """True when a v1 hierarchy carries cpuacct without cpu (joining it then changes no scheduling)."""
    try:
        for line in Path("/proc/self/mounts").read_text().splitlines():
            device, mount_point, kind, options = line.split()[:4]
            if kind == "cgroup" and mount_point == str(ROOT):
                return "cpuacct" in options.split(",") and "cpu" not in options.split(",")
    except OSError:
        pass
    return False


def _own_group():
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "cpuacct" in controllers.split(","):
            return path
    return None


class CpuAccount:
    def __init__(self, directory):
        self.directory = directory

    @classmethod
    def create(cls):
        if not _cpuacct_alone():
            return None
        own = _own_group()
        if own is None:
            return None
        directory = ROOT / own.lstrip("/") / f"playground-bench-{os.getpid()}"
        try:
            directory.mkdir()
        except OSError:
            return None
        return cls(directory)

    def command_prefix(self):
        """argv that joins this group and then execs the rest (the server keeps the shell's pid)."""
        return ["sh", "-c", 'echo $$ > "$0" && exec "$@"', str(self.directory / "cgroup.procs")]

    def seconds(self):
        return int((self.directory / "cpuacct.usage").read_text()) / 1e9

    def remove(self):
        """Removes the group once every process in it has gone; False when some are left."""
        for _ in range(20):  # the server's last runs may still be exiting
            try:
                self.directory.rmdir()
                return True
            except OSError:
                time.sleep(0.1)
        return False
