"""What the runner costs: start-up over plain python3, and per-step overhead on a big gather.

    python3 src/test/python/bench_runner.py [--runs 21] [--python /usr/bin/python3] [--instructions]

1. Start-up: wall time from process start to exit for a one-line program
   and for an asyncio hello, under the runner (the harness plays the
   server: socket, handshake, event reading) and as plain
   ``python3 main.py``, alternating, ``--runs`` pairs; the overhead is the
   median of the pairwise differences. Goal: the runner adds <= 20 ms.
2. Steps: a 10,000-task ``gather``, each task awaiting ``sleep(0.01)`` once
   (20,000 task steps, ~30,000 task events) and, harder, ``sleep(0)`` twice
   (30,000 steps, ~40,000 events), timed *inside* the program
   with ``process_time`` around ``asyncio.run`` (start-up excluded; CPU
   time, because wall time on a shared 2-core machine swings by 2x with
   the neighbours' load), best of 7 runs per mode, plain and runner runs
   alternating. Goal: <= 2x plain. Measured with the runner's default
   limits (the timeline follows the first 1,000 tasks, as for a student's
   run) and, with ``--followed``, with every task followed: the cost of
   following one task step.
3. ``--instructions``: the same gathers counted in user-space instructions
   under valgrind's callgrind (10,000 tasks minus 0 tasks, so start-up
   cancels out). Slow (~1 minute per workload) but exact and repeatable
   to 0.1 %, where CPU time on a shared machine moves by +-0.2x: use it to
   tell whether a change to the runner's hot path helps. It does not see
   system calls (the thread CPU clock of virtual mode).
"""

import argparse
import glob
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from runner_harness import DEFAULT_PYTHON, run_plain, run_program

HELLO = "print('hello')\n"
ASYNC_HELLO = "import asyncio\nasync def main():\n    print('hello')\nasyncio.run(main())\n"
GATHER_TEMPLATE = """\
import asyncio, time
async def work(i):
{awaits}
    return i
async def main():
    return sum(await asyncio.gather(*(work(i) for i in range(10000))))
start = time.process_time()
total = asyncio.run(main())
print(f"{{time.process_time() - start:.6f}}")
"""
GATHER_SLEEP = GATHER_TEMPLATE.format(awaits="    await asyncio.sleep(0.01)")
GATHER = GATHER_TEMPLATE.format(awaits="    await asyncio.sleep(0)\n    await asyncio.sleep(0)")

def startup(python, runs):
    """Plain and runner runs alternate, so a neighbour's burst of load hits both;
    the overhead is the median of the pairwise differences."""
    rows = []
    for label, code in (("print('hello')", HELLO), ("asyncio hello", ASYNC_HELLO)):
        pairs = [(run_plain(code, python=python).wall_seconds,
                  run_program(code, mode="virtual", python=python).wall_seconds) for _ in range(runs)]
        plain = statistics.median(p for p, _ in pairs)
        runner = statistics.median(r for _, r in pairs)
        overhead = statistics.median(r - p for p, r in pairs)
        rows.append((f"start-up: {label}", plain, runner, f"+{overhead * 1000:.1f} ms"))
    return rows


#: Handshake limits under which the runner follows every task of the gathers (the server's event cap is 50,000).
FOLLOW_EVERY_TASK = {"programSeconds": 86400, "trackedTasks": 10_001, "taskEvents": 49_000}


def gather(python, runs=7, followed=False):
    """The gathers timed, with the runner's default limits or (``followed``) every task followed."""
    def inner_seconds(result):
        return float(result.stdout.split()[0])

    limits = FOLLOW_EVERY_TASK if followed else None
    rows = []
    for label, code in (("sleep(0.01) once", GATHER_SLEEP), ("sleep(0) twice", GATHER)):
        for mode in ("virtual", "real"):
            pairs = [(inner_seconds(run_plain(code, python=python)),
                      inner_seconds(run_program(code, mode=mode, python=python, limits=limits))) for _ in range(runs)]
            plain = min(p for p, _ in pairs)
            runner = min(r for _, r in pairs)
            events = len(run_program(code, mode=mode, python=python, limits=limits).events)
            scope = "every task followed" if followed else "1,000 followed"
            rows.append((f"10k-task gather, {label}, {mode}, {scope} ({events} events)", plain, runner,
                         f"x{runner / plain:.2f}"))
    return rows


def gather_instructions(python, followed=False):
    """Instructions of the 10k-task gathers under callgrind, plain and runner (see the module docstring)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    out_dir = Path(tempfile.mkdtemp(prefix="bench-callgrind-"))
    wrapper = out_dir / "python"
    wrapper.write_text(f"#!/bin/sh\nexec {valgrind} --tool=callgrind --callgrind-out-file={out_dir}/out.%p "
                       f"{python} \"$@\" 2>/dev/null\n")
    wrapper.chmod(0o755)

    def instructions(run, code, tasks):
        for old in glob.glob(f"{out_dir}/out.*"):
            os.remove(old)
        run(code.replace("range(10000)", f"range({tasks})"))
        counts = [int(line.split()[1]) for name in glob.glob(f"{out_dir}/out.*")
                  for line in open(name) if line.startswith(("summary:", "totals:"))]
        return max(counts)

    def gather_only(run, code):
        return instructions(run, code, 10000) - instructions(run, code, 0)

    limits = FOLLOW_EVERY_TASK if followed else None
    scope = "every task followed" if followed else "1,000 followed"

    rows = []
    try:
        for label, code in (("sleep(0.01) once", GATHER_SLEEP), ("sleep(0) twice", GATHER)):
            plain = gather_only(lambda c: run_plain(c, python=str(wrapper), timeout=600), code)
            for mode in ("virtual", "real"):
                runner = gather_only(lambda c: run_program(c, mode=mode, python=str(wrapper), timeout=600, limits=limits),
                                     code)
                rows.append((f"10k-task gather, {label}, {mode}, {scope} (instructions)", plain, runner,
                             f"x{runner / plain:.2f}"))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=DEFAULT_PYTHON)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--instructions", action="store_true",
                        help="count the gathers' instructions under callgrind instead of timing everything")
    parser.add_argument("--followed", action="store_true",
                        help="gathers with every task followed, not just the default first 1,000")
    args = parser.parse_args()
    if args.instructions:
        print(f"{'measure':80} {'plain':>10} {'runner':>10}  overhead")
        for label, plain, runner, overhead in gather_instructions(args.python, args.followed):
            print(f"{label:80} {plain / 1e6:9.1f}M {runner / 1e6:9.1f}M  {overhead}")
        return 0
    rows = startup(args.python, args.runs) + gather(args.python, followed=args.followed)
    print(f"{'measure':80} {'plain':>9} {'runner':>9}  overhead")
    for label, plain, runner, overhead in rows:
        print(f"{label:80} {plain * 1000:7.1f}ms {runner * 1000:7.1f}ms  {overhead}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
