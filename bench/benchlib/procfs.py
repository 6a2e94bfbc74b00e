"""What /proc (and cgroup v1, where present) says about the server and its runs, and about the machine."""

import os
import platform
import re
import subprocess
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid):
    """Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()


def cpu_seconds(pid):
    """CPU seconds a process has used itself (utime + stime, all its threads).

    Not its children's: cutime stays near zero for the server because
    bubblewrap's monitor does not reap the run's processes itself (see
    ``cpuacct`` for the CPU of the runs).
    """
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory_kib(pid):
    """{'VmRSS': kiB, 'VmHWM': kiB} of a process (peak and current resident memory)."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def pss_kib(pid):
    """Proportional set size (shared pages divided among their users), or None when unreadable."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def children_by_parent():
    """{ppid: [pid, ...]} for every process visible now."""
    tree = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            ppid = int(_stat_fields(entry.name)[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def subtree(pid, tree=None):
    """pid and all its descendants."""
    tree = children_by_parent() if tree is None else tree
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, []))
    return found


def is_running(pid):
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        return _stat_fields(pid)[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def command_name(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def tree_memory(pid, tree):
    """Sum of RSS and PSS (kiB) over a process and its descendants, and how many processes that is."""
    rss = pss = count = 0
    for member in subtree(pid, tree):
        try:
            rss += memory_kib(member).get("VmRSS", 0)
            pss += pss_kib(member) or 0
            count += 1
        except OSError:
            continue  # it ended while we looked
    return {"rss_kib": rss, "pss_kib": pss, "processes": count}


def cgroup_memory_bytes(pid):
    """memory.usage_in_bytes of the cgroup v1 memory group a process is in (None without one)."""
    try:
        for line in Path(f"/proc/{pid}/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            if "memory" in controllers.split(","):
                usage = Path("/sys/fs/cgroup/memory") / path.lstrip("/") / "memory.usage_in_bytes"
                return int(usage.read_text())
    except (OSError, ValueError):
        pass
    return None


def machine_cpu_seconds():
    """(busy, total) CPU seconds of the whole machine since boot, summed over cores (from /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def load_average():
    return os.getloadavg()


def machine():
    """Facts that make a figure comparable: cores, memory, CPU, kernel, load, Python and Java."""
    cpu_model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = re.sub(r"\s+", " ", line.partition(":")[2]).strip()
            break
    mem_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kib = int(line.split()[1])
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=20).stderr.splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        java = "?"
    return {
        "cores": len(os.sched_getaffinity(0)),
        "memory_gib": mem_kib / (1 << 20),
        "cpu": cpu_model,
        "kernel": platform.release(),
        "java": java,
    }
