"""The asyncio playground's benchmark: can one small server teach a whole class?

    bench/run [--quick] [--write] [--python /usr/bin/python3] [--jar target/asyncio-playground.jar]
              [--wait-load 2.0] [--server-setting KEY=VALUE ...]

Starts the server from the jar (default settings, a free loopback port),
measures, stops everything it started, prints a table and the goals
(PASS/MISS: a missed goal is reported, never a failure), and writes
docs/performance.md (only its generated region) and docs/class-latency.svg.

1. time to first output against plain python3;
2. where that time goes (interpreter, runner, sandbox, server);
3. fast-forward savings over every lesson snippet;
4. a class of students running lesson snippets all at once (all on one lesson,
   then everyone on different snippets);
5. memory per concurrent real-time run.

``--quick`` is the short version CI runs (fewer runs, a class of 10, under
a minute); it writes nothing unless ``--write`` is given. Exit status: 0
when everything was measured, 1 when a part of the tool broke, 3 when the
server could not be started or has no working sandbox, 130 on interrupt.
"""

import argparse
import datetime
import os
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path[:0] = [str(REPO / "src" / "test" / "python"), str(BENCH_DIR)]

from benchlib import chart, procfs, report  # noqa: E402
from benchlib.client import Client  # noqa: E402
from benchlib.sections import breakdown, classroom, fast_forward, first_output, memory  # noqa: E402
from benchlib.server import PlaygroundServer, ServerFailed  # noqa: E402
from benchlib.stats import percentile  # noqa: E402

DOC = REPO / "docs" / "performance.md"
CHART = REPO / "docs" / "class-latency.svg"
DOC_SKELETON = "# Performance\n\nWhat `./playground bench` measured (bench/bench.py explains each figure).\n"


@dataclass(frozen=True)
class Profile:
    """How much of everything to measure."""
    name: str
    first_output_runs: int
    warm_up: int
    interpreter_runs: int
    sandbox_runs: int
    students: int
    memory_runs: int
    snippets_per_lesson: int  # 0: all
    cold_comparison: bool     # a second server without warm runners
    runner_steps: bool        # bench_runner's 10k-task gather (slow)
    class_time_limit: float
    time_budget: float        # seconds; a part that would start later is skipped (and reported)


FULL = Profile("full", first_output_runs=25, warm_up=3, interpreter_runs=21, sandbox_runs=20, students=60,
               memory_runs=16, snippets_per_lesson=0, cold_comparison=True, runner_steps=True,
               class_time_limit=120, time_budget=900)
QUICK = Profile("quick", first_output_runs=5, warm_up=1, interpreter_runs=5, sandbox_runs=5, students=10,
                memory_runs=4, snippets_per_lesson=1, cold_comparison=False, runner_steps=False,
                class_time_limit=20, time_budget=50)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the short version (CI): < 60 s, writes nothing")
    parser.add_argument("--write", action="store_true", help="write docs/performance.md and the chart (default "
                                                             "for the full run)")
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter for the server's runs and the "
                                                                      "plain-python figures")
    parser.add_argument("--jar", default=str(REPO / "target" / "asyncio-playground.jar"))
    parser.add_argument("--wait-load", type=float, metavar="LOAD",
                        help="first wait (up to 15 min) until the 1-minute load average is below LOAD")
    parser.add_argument("--server-setting", action="append", default=[], metavar="KEY=VALUE",
                        help="a non-default server setting (recorded with the figures)")
    return parser.parse_args(argv)


def wait_for_quiet_machine(limit, patience=900):
    deadline = time.monotonic() + patience
    while os.getloadavg()[0] >= limit and time.monotonic() < deadline:
        print(f"bench: load average {os.getloadavg()[0]:.2f}, waiting for < {limit}", file=sys.stderr, flush=True)
        time.sleep(30)


def commit():
    def git(*args):
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


class Measurements:
    """Runs each part, keeping going when one breaks (the break is reported and sets the exit status)."""

    def __init__(self, time_budget):
        self.results = {"broken": [], "skipped": []}
        self.deadline = time.monotonic() + time_budget

    def measure(self, key, label, action):
        if time.monotonic() > self.deadline:
            self.results["skipped"].append(label)
            return
        print(f"bench: {label} …", file=sys.stderr, flush=True)
        started = time.monotonic()
        try:
            self.results[key] = action()
        except Exception:  # a broken part must not hide the others' figures
            self.results["broken"].append((label, traceback.format_exc()))
            print(traceback.format_exc(), file=sys.stderr)
        print(f"bench: {label} took {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def lesson_snippets(server, per_lesson):
    client = Client(server.port)
    try:
        snippets = fast_forward.lesson_snippets(client)
    finally:
        client.close()
    if not per_lesson:
        return snippets
    kept, seen = [], {}
    for snippet in snippets:
        seen[snippet[0]] = seen.get(snippet[0], 0) + 1
        if seen[snippet[0]] <= per_lesson:
            kept.append(snippet)
    return kept


def run_all(args, profile, settings):
    jar = Path(args.jar)
    m = Measurements(profile.time_budget)
    with PlaygroundServer(REPO, jar, args.python, settings) as server:
        m.results["isolation"] = server.health.get("isolation")
        snippets = lesson_snippets(server, profile.snippets_per_lesson)
        all_snippets = snippets if not profile.snippets_per_lesson else lesson_snippets(server, 0)
        m.measure("first_output", "1. time to first output",
                  lambda: first_output.measure(server, args.python, profile.first_output_runs, profile.warm_up))
        m.measure("fast_forward", "3. fast-forward over the lesson snippets",
                  lambda: fast_forward.measure(server, snippets))
        m.measure("classroom", f"4. a class of {profile.students} following one lesson",
                  lambda: classroom.measure(server, all_snippets, profile.students, profile.class_time_limit,
                                            "lesson"))
        m.measure("classroom_spread", f"4b. a class of {profile.students}, everyone on different snippets",
                  lambda: classroom.measure(server, all_snippets, profile.students, profile.class_time_limit,
                                            "spread"))
        m.measure("memory", f"5. memory of {profile.memory_runs} real-time runs",
                  lambda: memory.measure(server, profile.memory_runs))
        m.results["server_final"] = procfs.memory_kib(server.pid)
        leftovers = server.stop()
        if leftovers:
            m.results["broken"].append(("server stop", f"processes left after the server stopped: {leftovers}"))
    if profile.cold_comparison:
        def cold_first_output():
            with PlaygroundServer(REPO, jar, args.python, {**settings, "PLAYGROUND_WARM_RUNNERS": "0"}) as cold:
                return first_output.measure(cold, args.python, profile.first_output_runs, profile.warm_up)

        m.measure("first_output_cold", "1b. time to first output without warm runners", cold_first_output)
    m.measure("interpreter", "2a. interpreter and runner import",
              lambda: breakdown.interpreter(args.python, profile.interpreter_runs))
    m.measure("runner_startup", "2b. runner start-up (bench_runner.py)",
              lambda: breakdown.runner_startup(args.python, profile.interpreter_runs))
    m.measure("sandbox", "2c. sandbox start-up (SandboxStartup.java)",
              lambda: breakdown.sandbox(jar, args.python, profile.sandbox_runs, profile.warm_up + 2))
    if profile.runner_steps:
        m.measure("runner_steps", "2d. runner per-step cost (bench_runner.py)",
                  lambda: breakdown.runner_steps(args.python))
        m.measure("runner_steps_followed", "2e. runner per-step cost, every task followed (bench_runner.py --followed)",
                  lambda: breakdown.runner_steps(args.python, followed=True))
    return m.results


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    profile = QUICK if args.quick else FULL
    settings = dict(item.split("=", 1) for item in args.server_setting)
    if not Path(args.jar).is_file():
        print(f"bench: {args.jar} is missing: ./playground bench builds it (or mvn -B -DskipTests package)",
              file=sys.stderr)
        return 3
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind: the server is stopped on the way out
    if args.wait_load:
        wait_for_quiet_machine(args.wait_load)

    started = time.monotonic()
    meta = {"profile": profile.name, "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "commit": commit(), "machine": procfs.machine(), "load_before": os.getloadavg()[0],
            "settings": ", ".join(f"{k}={v}" for k, v in settings.items()),
            "python_version": subprocess.run([args.python, "-c", "import platform; print(platform.python_version())"],
                                             capture_output=True, text=True).stdout.strip()}
    try:
        results = run_all(args, profile, settings)
    except ServerFailed as failure:
        print(f"bench: cannot measure: {failure}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    meta.update(load_after=os.getloadavg()[0], duration=time.monotonic() - started,
                isolation=results.pop("isolation", "?"))
    results["meta"] = meta

    print(report.text(results), end="")
    if args.write or not args.quick:
        write_docs(results)
        print(f"bench: wrote {DOC.relative_to(REPO)} and {CHART.relative_to(REPO)}", file=sys.stderr)
    return 1 if results["broken"] else 0


def write_docs(results):
    generated_chart = None
    c = results.get("classroom")
    if c and c["points"]:
        CHART.write_text(chart.latency_chart(
            c["points"], percentile(c["latencies"], 50), percentile(c["latencies"], 95), goal=1.0,
            title=f"A class of {c['students']}: each run, submit → end event ({results['meta']['date']})"),
            encoding="utf-8")
        generated_chart = CHART.name
    report.write_into(DOC, report.markdown(results, generated_chart), DOC_SKELETON)


if __name__ == "__main__":
    sys.exit(main())
