"""5. Memory per concurrent real-time run: N runs sleeping in real mode at once.

Each run prints a line, then sleeps (real mode: the process stays alive
for the whole sleep). When every run has printed, the server's children
are measured: each child of the server is one runner's process tree
(bubblewrap, its init, python). A tree whose python has ``main.py`` in its
working directory is a busy run; the others are warm runners still
waiting for code. Figures: RSS and PSS (shared pages divided among their
users) per busy tree, the per-run cgroup's memory usage where cgroups
exist, and the server's own RSS against before the runs. Then every run is
stopped with DELETE.
"""

import os
import threading
import time

from .. import procfs
from ..client import Client
from ..runs import watch_run

SLEEPER = ("import asyncio\n\n\nasync def main():\n    print('ready')\n    await asyncio.sleep({seconds})\n\n\n"
           "asyncio.run(main())\n")


def _runner_python(tree_pids):
    for pid in tree_pids:
        if procfs.command_name(pid).startswith("python"):
            return pid
    return None


def runner_trees(server_pid):
    """[{pid, busy, rss_kib, pss_kib, processes, cgroup_bytes}] for each child of the server."""
    tree = procfs.children_by_parent()
    found = []
    for child in tree.get(server_pid, []):
        python = _runner_python(procfs.subtree(child, tree))
        if python is None:
            continue
        busy = os.path.exists(f"/proc/{python}/cwd/main.py")
        found.append({"pid": child, "busy": busy, **procfs.tree_memory(child, tree),
                      "cgroup_bytes": procfs.cgroup_memory_bytes(python)})
    return found


def measure(server, runs, seconds=8, wait_limit=25):
    ready = threading.Semaphore(0)
    watched = [None] * runs
    run_ids = [None] * runs
    give_up_at = time.perf_counter() + seconds + wait_limit + 15

    def one(index):
        # two runs per address: the server's default per-client cap of runs at once
        client = Client(server.port, source_ip=f"127.40.0.{index // 2 + 1}")
        try:
            def printed(run):
                run_ids[index] = run.run_id
                ready.release()

            watched[index] = watch_run(client, SLEEPER.format(seconds=seconds), "real", give_up_at,
                                       on_first_output=printed)
        finally:
            client.close()

    server_before = procfs.memory_kib(server.pid)["VmRSS"]
    trees_before = runner_trees(server.pid)
    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(runs)]
    for thread in threads:
        thread.start()
    deadline = time.perf_counter() + wait_limit
    printed = 0
    while printed < runs and ready.acquire(timeout=max(0.0, deadline - time.perf_counter())):
        printed += 1
    time.sleep(0.3)  # let the pool's replacements finish starting
    trees = runner_trees(server.pid)
    server_during = procfs.memory_kib(server.pid)["VmRSS"]

    stopper = Client(server.port)
    try:
        for run_id in run_ids:
            if run_id:
                stopper.stop(run_id)
    finally:
        stopper.close()
    for thread in threads:
        thread.join(max(0.0, give_up_at - time.perf_counter()))

    busy = [tree for tree in trees if tree["busy"]]
    return {
        "runs": runs,
        "printed": printed,
        "busy": busy,
        "idle": [tree for tree in trees if not tree["busy"]],
        "idle_before": len(trees_before),
        "server_before_kib": server_before,
        "server_during_kib": server_during,
        "reasons": [run.reason if run else None for run in watched],
    }
