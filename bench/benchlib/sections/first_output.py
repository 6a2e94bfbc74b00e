"""1. Time to first output: POST a snippet → first ``output`` event over SSE, against plain python3.

The plain figure is the same snippet as ``main.py`` started with
``python3 -u main.py`` (unbuffered, like the runner) in a temporary
directory with the clean environment the runner gets, timed from the
start of the process to its first stdout line. Server and plain runs
alternate, so both see the same load. Runs are spaced by ``pause``
seconds, a student's pace, which also gives a warm pool time to refill.
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench_runner import ASYNC_HELLO
from runner_harness import clean_environment

from .. import procfs
from ..client import Client
from ..runs import watch_run

SNIPPET = ASYNC_HELLO


def plain_first_line_seconds(python, code):
    work_dir = Path(tempfile.mkdtemp(prefix="bench-plain-"))
    try:
        (work_dir / "main.py").write_text(code, encoding="utf-8")
        started = time.perf_counter()
        process = subprocess.Popen([python, "-u", "main.py"], cwd=work_dir, env=clean_environment(work_dir),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        with process:
            line = process.stdout.readline()
            first_line = time.perf_counter()
            process.stdout.read()
            process.wait(30)
        if not line:
            raise RuntimeError(f"plain {python} printed nothing (exit {process.returncode})")
        return first_line - started
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def measure(server, python, runs, warm_up, pause=0.3):
    client = Client(server.port)
    result = {"snippet": SNIPPET, "server": [], "plain": [], "start_wall": [], "output_wall": [],
              "post": [], "errors": [], "pairs": [], "runs": runs, "warm_up": warm_up, "pause": pause}
    try:
        for index in range(warm_up + runs):
            if index == warm_up:
                server_cpu, with_runs = procfs.cpu_seconds(server.pid), server.cpu_seconds_with_runs()
            run = watch_run(client, SNIPPET, "virtual", give_up_at=time.perf_counter() + 30)
            plain = plain_first_line_seconds(python, SNIPPET)
            if index < warm_up:
                continue
            if run.error or run.first_output is None:
                result["errors"].append(run.error or f"no output (end: {run.end})")
            else:
                result["pairs"].append((run.time_to_first_output, plain))
                result["server"].append(run.time_to_first_output)
                result["post"].append(run.accepted - run.submitted)
                result["start_wall"].append(run.start_wall)
                result["output_wall"].append(run.output_wall)
            result["plain"].append(plain)
            time.sleep(pause)
        result["server_cpu_per_run"] = (procfs.cpu_seconds(server.pid) - server_cpu) / runs
        if with_runs is not None:
            result["runs_cpu_per_run"] = (server.cpu_seconds_with_runs() - with_runs) / runs \
                - result["server_cpu_per_run"]
    finally:
        client.close()
    return result
