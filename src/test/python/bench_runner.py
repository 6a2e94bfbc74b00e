"""What the runner costs: start-up over plain python3, and per-step overhead on a big gather.

    python3 src/test/python/bench_runner.py [--runs 21] [--python /usr/bin/python3]

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
   the neighbours' load), best of 7 runs per mode. Goal: <= 2x plain.
"""

import argparse
import statistics
import sys

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


def gather(python, runs=7):
    def inner_seconds(run):
        return min(float(run().stdout.split()[0]) for _ in range(runs))

    rows = []
    for label, code in (("sleep(0.01) once", GATHER_SLEEP), ("sleep(0) twice", GATHER)):
        plain = inner_seconds(lambda: run_plain(code, python=python))
        for mode in ("virtual", "real"):
            runner = inner_seconds(lambda: run_program(code, mode=mode, python=python))
            result = run_program(code, mode=mode, python=python)
            rows.append((f"10k-task gather, {label}, {mode} ({len(result.events)} events)", plain, runner,
                         f"x{runner / plain:.2f}"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=DEFAULT_PYTHON)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    rows = startup(args.python, args.runs) + gather(args.python)
    print(f"{'measure':58} {'plain':>9} {'runner':>9}  overhead")
    for label, plain, runner, overhead in rows:
        print(f"{label:58} {plain * 1000:7.1f}ms {runner * 1000:7.1f}ms  {overhead}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
