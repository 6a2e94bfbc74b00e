"""Run every corpus program under the runner (virtual and real) and under plain Python; compare.

For each ``src/test/resources/corpus/NN_name.py``: ``python3 main.py`` in a
temp dir (the reference, run now, never stored), then the runner through
:mod:`runner_harness` in each mode. stdout, stderr and the exit status must
be identical (after removing plain Python's absolute work-dir prefix from
``main.py`` paths, see :func:`runner_harness.run_plain`); printed decimal
numbers (timings) may differ by 100 ms, see :func:`same_output`. A few properties
of the events are checked too: every run starts with ``start``, every line
is valid JSON, and an ``error`` event comes with a non-zero exit.

Then checks of the events themselves (``--only checks`` runs just these):
attribution of output to named tasks, ``blocked`` with its line (time.sleep
and a CPU loop), the ``error`` line, waiting labels, unrounded timings
(real ±100 ms of plain Python, virtual ±20 ms of the slept time), clock switches, the
three-hour program, the program-time limit.

    python3 src/test/python/compare_corpus.py [--python /path/python3 ...] [--only 12_]

Prints one line per program and mode and a summary; exits 1 on any mismatch.
"""

import argparse
import difflib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from runner_harness import DEFAULT_PYTHON, REPO, RUNNER_DIR, run_plain, run_program

CORPUS = REPO / "src" / "test" / "resources" / "corpus"

def diff(label, expected, actual):
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                 f"plain {label}", f"runner {label}", n=1)
    return "".join(lines)


DECIMAL = re.compile(r"-?\d+\.(\d+)")


def same_output(expected, actual):
    """Equal text, except that decimal numbers may differ by 100 ms plus one unit of
    their last printed digit.

    The reference is a real-time run, whose own timings wander by tens of
    milliseconds on a loaded machine (a 0.5 s sleep printed as 0.6); the
    exactness of virtual time is checked against nominal times instead
    (:func:`check_timing`, the three-hour program).
    """
    if expected == actual:
        return True
    if DECIMAL.sub("#", expected) != DECIMAL.sub("#", actual):
        return False
    for want, got in zip(DECIMAL.finditer(expected), DECIMAL.finditer(actual)):
        unit = 10 ** -min(len(want.group(1)), len(got.group(1)))
        if abs(float(want.group()) - float(got.group())) > 0.1 + unit + 1e-9:
            return False
    return True


def compare(path, python, modes):
    code = path.read_text(encoding="utf-8")
    plain = run_plain(code, python=python)
    problems = {}
    for mode in modes:
        result = run_program(code, mode=mode, python=python)
        found = []
        if not same_output(plain.stdout, result.stdout):
            found.append(diff("stdout", plain.stdout, result.stdout))
        if not same_output(plain.stderr, result.stderr):
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


def line_of(path, text):
    """1-based number of the first line of a corpus file containing ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path.name}")


def task_names(result):
    return {e["id"]: e["name"] for e in result.of_type("task")}


def check_attribution(python, mode):
    result = run_program((CORPUS / "39_named_tasks.py").read_text(), mode=mode, python=python)
    names = task_names(result)
    lines = [e for e in result.of_type("output") if e["stream"] == "stdout"]
    wrong = [(e["text"], names.get(e["task"])) for e in lines
             if names.get(e["task"]) != {"ping": "pinger", "pong": "ponger"}[e["text"][:4]]]
    return None if len(lines) == 6 and not wrong else f"{len(lines)} lines, misattributed: {wrong}"


DESTROYED_WHILE_PENDING = """\
import asyncio, gc

async def forgotten():
    await asyncio.Event().wait()

async def named(i):
    print(i)

async def main():
    for i in range(30):
        task = asyncio.get_running_loop().create_task(forgotten())
        await asyncio.sleep(0)
        del task
        gc.collect()  # the task, its coroutine and its Event are a cycle: destroyed while pending
        await asyncio.create_task(named(i), name=f"n{i}")

asyncio.run(main())
"""


def check_attribution_after_destroyed_tasks(python, mode):
    """Tasks destroyed while pending do not confuse attribution of the tasks after them.

    A new task often reuses a destroyed one's address, so nothing of the
    runner's may be keyed by ``id(task)``. Each printed number must belong
    to the task named for it, and every task gets an id of its own.
    """
    result = run_program(DESTROYED_WHILE_PENDING, mode=mode, python=python)
    names = task_names(result)
    lines = [e for e in result.of_type("output") if e["stream"] == "stdout"]
    wrong = [(e["text"], names.get(e["task"])) for e in lines if names.get(e["task"]) != "n" + e["text"].strip()]
    created = [e["id"] for e in result.of_type("task") if e["state"] == "created"]
    ok = len(lines) == 30 and not wrong and len(created) == len(set(created)) == 61
    return None if ok else f"{len(lines)} lines, misattributed {wrong}, {len(created)} created ({len(set(created))} ids)"


def check_blocked(python, mode):
    problems = []
    path = CORPUS / "04_corou_time_sleep.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    blocked = result.of_type("blocked")
    names = task_names(result)
    expected_line = line_of(path, "time.sleep(0.5)")
    if not any(b["line"] == expected_line and abs(b["seconds"] - 0.5) < 0.1 and names.get(b["task"]) == "corou2"
               for b in blocked):
        problems.append(f"time.sleep: want line {expected_line} ~0.5 s in corou2, got {blocked}")
    path = CORPUS / "30_blocking_cpu.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    busy_lines = set(range(line_of(path, "def busy"), line_of(path, "return n > 0") + 1))
    blocked = result.of_type("blocked")
    if not any(b["line"] in busy_lines and 0.15 < b["seconds"] < 0.5 for b in blocked):
        problems.append(f"CPU loop: want a line in {sorted(busy_lines)} ~0.2 s, got {blocked}")
    return "; ".join(problems) or None


def check_error_line(python, mode):
    path = CORPUS / "20_uncaught_exception.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    want = {"kind": "ZeroDivisionError", "message": "division by zero", "line": line_of(path, "return a / b")}
    got = [{k: e.get(k) for k in want} for e in result.of_type("error")]
    return None if got == [want] else f"want [{want}], got {got}"


def check_waiting_labels(python, mode):
    path = CORPUS / "18_queue_workers.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    waits = {(e.get("awaiting"), e.get("line")) for e in result.of_type("task") if e["state"] == "waiting"}
    want = {("Queue.get", line_of(path, "await queue.get()")),
            ("sleep(0.12)", line_of(path, "await asyncio.sleep(0.12)")),
            ("Queue.join", line_of(path, "await queue.join()"))}
    return None if want <= waits else f"missing {want - waits} in {sorted(waits, key=str)}"


TIMED = CORPUS.parent / "virtual-only" / "half_second.py"


def check_timing(python, mode):
    """Unrounded elapsed time of 0.5 s of sleeps.

    Real mode: within 100 ms of plain Python's. Virtual mode: within 20 ms of
    the 0.5 s slept (plain Python itself overshoots by tens of milliseconds
    on a loaded machine, so the nominal time is the fair reference).
    """
    runner = float(run_program(TIMED.read_text(), mode=mode, python=python).stdout)
    if mode == "real":
        reference, tolerance = float(run_plain(TIMED.read_text(), python=python).stdout), 0.1
    else:
        reference, tolerance = 0.5, 0.02
    return None if abs(runner - reference) <= tolerance else \
        f"reference {reference:.4f}, runner {runner:.4f} (±{tolerance})"


def check_clock_switches(python, mode):
    if mode != "virtual":
        return None
    problems = []
    for name, reason in (("08_executor.py", "executor"), ("07_thread_loop.py", "threads"),
                         ("31_raw_fd_and_subprocess.py", "subprocess")):
        result = run_program((CORPUS / name).read_text(), mode="virtual", python=python)
        reasons = [e["reason"] for e in result.of_type("clock")]
        if reasons != [reason]:
            problems.append(f"{name}: want [{reason!r}], got {reasons}")
    result = run_program((CORPUS / "12_unix_streams.py").read_text(), mode="virtual", python=python)
    if result.of_type("clock"):
        problems.append("12_unix_streams.py left virtual time, but all its sockets are its own")
    return "; ".join(problems) or None


THREE_HOURS = CORPUS.parent / "virtual-only" / "three_hours.py"


def check_three_hours(python, mode):
    if mode != "virtual":
        return None
    result = run_program(THREE_HOURS.read_text(), mode="virtual", python=python)
    ok = result.stdout == "elapsed 10800 s\n" and result.exit_code == 0 and result.wall_seconds < 1.0
    return None if ok else (f"stdout {result.stdout!r} exit {result.exit_code} "
                            f"wall {result.wall_seconds:.2f}s stderr {result.stderr!r}")


PAUSED = CORPUS.parent / "virtual-only" / "paused_computation.py"


def check_paused_process(python, mode):
    """Virtual time counts computing, not waiting for a core (see clock.py).

    The process is stopped for 0.5 s in the middle of a 0.4 s CPU loop;
    program time across the loop must match its CPU time, and the step's
    ``blocked`` event must say 0.4 s, not 0.9 s.
    """
    if mode != "virtual":
        return None

    def pause(event):
        text = event.get("text", "") if event.get("type") == "output" else ""
        if text.startswith("pid "):
            pid = int(text.split()[1])
            os.kill(pid, signal.SIGSTOP)
            time.sleep(0.5)
            os.kill(pid, signal.SIGCONT)

    result = run_program(PAUSED.read_text(), mode="virtual", python=python, on_event=pause)
    lines = result.stdout.splitlines()
    blocked = [e["seconds"] for e in result.of_type("blocked")]
    ok = (len(lines) == 3 and abs(float(lines[1])) <= 0.05 and lines[2] == "1.4"
          and len(blocked) == 1 and blocked[0] < 0.5)
    return None if ok else f"stdout {result.stdout!r}, blocked {blocked}, stderr {result.stderr!r}"


CLOCK_AGAINST_CPU = """\
import time
readings = []
for _ in range(20000):
    readings.append((time.monotonic(), time.thread_time()))
    sum(range(200))
gaps = [program - cpu for program, cpu in readings]
print(all(a <= b for a, b in zip(readings, readings[1:])), f"{min(gaps):.6f}", f"{max(gaps):.6f}")
"""


def check_clock_follows_cpu(python, mode):
    """Virtual program time, read often, stays on the thread's CPU clock.

    Between readings of the CPU clock it is interpolated from the real
    clock (clock.py): never behind the CPU clock, at most 1 ms ahead, never
    backwards. ``time.thread_time`` is the unpatched CPU clock of the
    program's thread, so program time minus it must stay within 1 ms.
    """
    if mode != "virtual":
        return None
    result = run_program(CLOCK_AGAINST_CPU, mode="virtual", python=python)
    fields = result.stdout.split()
    ok = (result.exit_code == 0 and len(fields) == 3 and fields[0] == "True"
          and float(fields[2]) - float(fields[1]) <= 0.0011)
    return None if ok else f"stdout {result.stdout!r}, stderr {result.stderr!r}"


CLOCK_PLATEAU = """\
import sys
sys.path.insert(0, sys.argv[1])
from playground_runner.clock import ProgramClock

def fresh():
    cpu = [0.0]
    clock = ProgramClock(virtual=True)
    clock._cpu = lambda: cpu[0]
    clock.start_program()
    return clock, cpu

clock, cpu = fresh()
readings = [clock.program_time_at(10.0)]      # a reading of the CPU clock: 0
readings.append(clock.program_time_at(10.0009))  # interpolated: 0.9 ms, but the thread was off its core
cpu[0] = 0.0001
readings += [clock.program_time_at(10.0011 + i * 1e-7) for i in range(5)]  # re-read: only 0.1 ms of CPU
cpu[0] = 0.0025
readings.append(clock.program_time_at(10.004))  # the CPU clock has caught up
uptime = 1e6  # time.monotonic() adds program time to the real clock's reading: steps must survive that
print(all(uptime + a < uptime + b for a, b in zip(readings, readings[1:])), readings[1], readings[-1])

# toy_await.py: a timer for 1 s set at 0.9 ms must fall due before one for
# 0.5 s set at 1.0 ms after a 0.5 s sleep, though the reading at 0.9 ms ran ahead.
clock, cpu = fresh()
clock.program_time_at(10.0)
first_deadline = clock.program_time_at(10.0009) + 1.0
second_set = clock.program_time_at(10.001)
clock.advance(0.5)
cpu[0] = 0.0002
second_deadline = clock.program_time_at(10.0012) + 0.5
print(second_set + 0.5 < second_deadline and first_deadline < second_deadline)
"""


def check_clock_never_repeats(python, mode):
    """Virtual program time that ran ahead of the CPU clock creeps on; it never stands still or goes back.

    Equal readings would give timers equal deadlines, which asyncio's heap
    orders arbitrarily: five tasks sleeping 1 s would wake out of order
    (a lesson snippet did, under load). Drives clock.py with a fake CPU
    clock: readings stay strictly increasing, by steps that survive being
    added to the real clock's reading, once the CPU clock catches up program
    time is exactly the CPU clock again, and a sleep after a reading that
    ran ahead still ends at least that reading plus the sleep.
    """
    if mode != "virtual":
        return None
    completed = subprocess.run([python, "-I", "-c", CLOCK_PLATEAU, str(RUNNER_DIR)], capture_output=True, text=True)
    fields = completed.stdout.split()
    ok = (completed.returncode == 0 and len(fields) == 4 and fields[0] == "True"
          and abs(float(fields[1]) - 0.0009) < 1e-12 and float(fields[2]) == 0.0025 and fields[3] == "True")
    return None if ok else f"stdout {completed.stdout!r}, stderr {completed.stderr[-500:]!r}"


FOREVER = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(60)\nasyncio.run(main())\n"


def check_program_time_limit(python, mode):
    if mode != "virtual":
        return None
    result = run_program(FOREVER, mode="virtual", python=python, limits={"programSeconds": 3600})
    ok = result.exit_code == 124 and "program time limit" in result.stderr and result.wall_seconds < 5
    return None if ok else f"exit {result.exit_code} stderr {result.stderr!r}"


def check_tracked_tasks_limit(python, mode):
    """Past the first 1,000 tasks the timeline stops following; the program does not notice."""
    path = CORPUS / "42_many_tasks.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    created = [e for e in result.of_type("task") if e["state"] == "created"]
    notices = result.of_type("notice")
    names = task_names(result)
    workers = {e["text"]: e["task"] for e in result.of_type("output") if e["text"].startswith("worker")}
    problems = []
    if len(created) != 1000 or len(names) != 1000:
        problems.append(f"{len(created)} created events for {len(names)} task ids, want 1000")
    if [(n["kind"], n["limit"]) for n in notices] != [("tracked-tasks", 1000)]:
        problems.append(f"notices {notices}")
    # workers 0..998 are tasks 2..1000 (main is the first); 1000 and later run untracked
    want = {f"worker {i} done\n": ("untracked" if i >= 999 else f"t{i + 2}") for i in range(0, 3000, 250)}
    if workers != want:
        problems.append(f"output attributed {workers}, want {want}")
    if result.exit_code != 0 or len(result.events) > 5000:
        problems.append(f"exit {result.exit_code}, {len(result.events)} events")
    result = run_program(AWAIT_UNTRACKED, mode=mode, python=python)
    labels = [e.get("awaiting") for e in result.of_type("task") if e["id"] == "t1" and e["state"] == "waiting"]
    if labels != ["Task (untracked)"]:
        problems.append(f"main awaiting an untracked task: {labels}")
    return "; ".join(problems) or None


AWAIT_UNTRACKED = """\
import asyncio
async def leaf():
    await asyncio.sleep(0.01)
async def main():
    tasks = [asyncio.create_task(leaf()) for _ in range(1000)]
    await tasks[-1]
asyncio.run(main())
"""


def check_task_events_limit(python, mode):
    """After 20,000 task events none are sent; blocked and output events still are."""
    path = CORPUS / "43_long_loop.py"
    result = run_program(path.read_text(), mode=mode, python=python)
    kinds = [e["type"] for e in result.events]
    notices = result.of_type("notice")
    problems = []
    if kinds.count("task") != 20_000:
        problems.append(f"{kinds.count('task')} task events, want 20000")
    if [(n["kind"], n["limit"]) for n in notices] != [("task-events", 20_000)]:
        problems.append(f"notices {notices}")
    elif kinds.index("notice") != len(kinds) - 1 - kinds[::-1].index("task") + 1:
        problems.append("the notice does not follow the last task event")
    blocked = result.of_type("blocked")
    main_id = next(iter(task_names(result)), None)
    if not (len(blocked) == 1 and blocked[0]["line"] == line_of(path, "time.sleep(0.1)") and blocked[0]["task"] == main_id):
        problems.append(f"blocked {blocked}, want one on line {line_of(path, 'time.sleep(0.1)')} in {main_id}")
    if result.stdout != "yielded 25000 times\n" or result.exit_code != 0:
        problems.append(f"exit {result.exit_code}, stdout {result.stdout!r}")
    return "; ".join(problems) or None


BUSY_MAIN = """\
import asyncio, time
async def main():
    start = time.process_time()
    while time.process_time() - start < 0.003:  # long enough for its own running event
        pass
asyncio.run(main())
"""

TWO_TASKS = "import asyncio\nasync def child():\n    pass\nasync def main():\n    await asyncio.create_task(child())\nasyncio.run(main())\n"


def check_limits_exactly(python, mode):
    """A limit's notice means something was left out, and nothing is sent past it.

    (asyncio.run's own shutdown tasks do not count against the tracked tasks.)
    """
    problems = []

    def task_events_and_notices(code, limits):
        result = run_program(code, mode=mode, python=python, limits=limits)
        return [e.get("state") or e["kind"] for e in result.events if e["type"] in ("task", "notice")]

    seen = task_events_and_notices(BUSY_MAIN, {"taskEvents": 2})  # created, running, done: one too many
    if seen != ["created", "running", "task-events"]:
        problems.append(f"budget 2, three events: {seen}")
    seen = task_events_and_notices("import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n", {"taskEvents": 2})
    if seen != ["created", "done"]:
        problems.append(f"budget 2, two events: {seen}")
    seen = task_events_and_notices(TWO_TASKS, {"trackedTasks": 2})
    if "tracked-tasks" in seen:
        problems.append(f"two tasks, two followed: {seen}")
    seen = task_events_and_notices(TWO_TASKS, {"trackedTasks": 1})
    if seen.count("tracked-tasks") != 1 or seen.count("created") != 1:
        problems.append(f"two tasks, one followed: {seen}")
    return "; ".join(problems) or None


EVENT_CHECKS = (check_attribution, check_attribution_after_destroyed_tasks, check_blocked, check_error_line, check_waiting_labels, check_timing,
                check_clock_switches, check_three_hours, check_program_time_limit, check_paused_process,
                check_clock_follows_cpu, check_clock_never_repeats, check_tracked_tasks_limit, check_task_events_limit,
                check_limits_exactly)


def special_checks(python, modes):
    """Checks of the events themselves. Yields (name, problem or None)."""
    for mode in modes:
        for check in EVENT_CHECKS:
            yield f"{check.__name__} ({mode})", check(python, mode)


def manifest_problem():
    """The server extracts the runner by its MANIFEST: it must list exactly the runner's files."""
    runner = REPO / "src" / "main" / "resources" / "runner"
    listed = set((runner / "MANIFEST").read_text().split())
    present = {str(p.relative_to(runner)) for p in runner.rglob("*.py") if "__pycache__" not in p.parts}
    if listed != present:
        return f"MANIFEST lists {sorted(listed - present)} that do not exist and misses {sorted(present - listed)}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="interpreter(s) to test (default /usr/bin/python3)")
    parser.add_argument("--only", default="", help="run only programs whose name contains this")
    parser.add_argument("--mode", action="append", choices=("virtual", "real"))
    args = parser.parse_args()
    pythons = args.python or [DEFAULT_PYTHON]
    modes = args.mode or ["virtual", "real"]
    failures = 0
    checked = 1
    problem = manifest_problem()
    print(f"{'ok  ' if problem is None else 'FAIL'} runner MANIFEST" + (f": {problem}" if problem else ""))
    failures += problem is not None
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
        if not args.only or args.only == "checks":
            for name, problem in special_checks(python, modes):
                checked += 1
                print(f"{'ok  ' if problem is None else 'FAIL'} {name}" + (f": {problem}" if problem else ""))
                failures += problem is not None
    print(f"{checked} checks, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
