"""Run every corpus program under the runner (virtual and real) and under plain Python; compare.

For each ``src/test/resources/corpus/NN_name.py``: ``python3 main.py`` in a
temp dir (the reference, run now, never stored), then the runner through
:mod:`runner_harness` in each mode. stdout, stderr and the exit status must
be identical (after removing plain Python's absolute work-dir prefix from
``main.py`` paths, see :func:`runner_harness.run_plain`). A few properties
of the events are checked too: every run starts with ``start``, every line
is valid JSON, and an ``error`` event comes with a non-zero exit.

Then a few checks that have no plain-Python reference: the three-hour
program in virtual time, and program-time limits.

    python3 src/test/python/compare_corpus.py [--python /path/python3 ...] [--only 12_]

Prints one line per program and mode and a summary; exits 1 on any mismatch.
"""

import argparse
import difflib
import sys
import time
from pathlib import Path

from runner_harness import DEFAULT_PYTHON, REPO, run_plain, run_program

CORPUS = REPO / "src" / "test" / "resources" / "corpus"

THREE_HOURS = """\
import asyncio, time

async def nap(hours):
    await asyncio.sleep(hours * 3600)

async def main():
    start = time.perf_counter()
    await asyncio.gather(nap(1), nap(2))
    time.sleep(3600)
    print(f"elapsed {time.perf_counter() - start:.0f} s")

asyncio.run(main())
"""


def diff(label, expected, actual):
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                 f"plain {label}", f"runner {label}", n=1)
    return "".join(lines)


def compare(path, python, modes):
    code = path.read_text(encoding="utf-8")
    plain = run_plain(code, python=python)
    problems = {}
    for mode in modes:
        result = run_program(code, mode=mode, python=python)
        found = []
        if result.stdout != plain.stdout:
            found.append(diff("stdout", plain.stdout, result.stdout))
        if result.stderr != plain.stderr:
            found.append(diff("stderr", plain.stderr, result.stderr))
        if result.exit_code != plain.exit_code:
            found.append(f"exit code: plain {plain.exit_code}, runner {result.exit_code}\n")
        if result.bad_lines:
            found.append(f"{len(result.bad_lines)} event lines were not JSON\n")
        if not result.events or result.events[0].get("type") != "start":
            found.append("first event is not start\n")
        if result.of_type("error") and result.exit_code == 0:
            found.append("error event but exit code 0\n")
        problems[mode] = (found, result.wall_seconds, len(result.events))
    return plain, problems


def special_checks(python):
    """Checks without a plain-Python reference. Yields (name, problem or None)."""
    started = time.perf_counter()
    result = run_program(THREE_HOURS, mode="virtual", python=python)
    wall = time.perf_counter() - started
    ok = result.stdout == "elapsed 10800 s\n" and result.exit_code == 0 and result.wall_seconds < 1.0
    yield "three hours in virtual time", None if ok else (
        f"stdout {result.stdout!r} exit {result.exit_code} wall {wall:.2f}s stderr {result.stderr!r}")

    forever = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(60)\nasyncio.run(main())\n"
    result = run_program(forever, mode="virtual", python=python, limits={"programSeconds": 3600})
    ok = result.exit_code == 124 and "program time limit" in result.stderr and result.wall_seconds < 5
    yield "program-time limit stops an endless virtual sleeper", None if ok else (
        f"exit {result.exit_code} stderr {result.stderr!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="interpreter(s) to test (default /usr/bin/python3)")
    parser.add_argument("--only", default="", help="run only programs whose name contains this")
    parser.add_argument("--mode", action="append", choices=("virtual", "real"))
    args = parser.parse_args()
    pythons = args.python or [DEFAULT_PYTHON]
    modes = args.mode or ["virtual", "real"]
    failures = 0
    checked = 0
    for python in pythons:
        print(f"== {python}")
        for path in sorted(CORPUS.glob("*.py")):
            if args.only not in path.name:
                continue
            plain, problems = compare(path, python, modes)
            for mode, (found, wall, count) in problems.items():
                checked += 1
                status = "ok  " if not found else "FAIL"
                print(f"{status} {path.name:34} {mode:7} plain {plain.wall_seconds:5.2f}s "
                      f"runner {wall:5.2f}s {count:4} events", flush=True)
                for problem in found:
                    failures += 1
                    print("     " + problem.replace("\n", "\n     ").rstrip())
        if not args.only:
            for name, problem in special_checks(python):
                checked += 1
                print(f"{'ok  ' if problem is None else 'FAIL'} {name}" + (f": {problem}" if problem else ""))
                failures += problem is not None
    print(f"{checked} checks, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
