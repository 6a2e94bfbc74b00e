"""2. Where the time goes: each stage of a cold start measured on its own.

- interpreter: ``python3 -I -S -c pass``, with ``site`` and the runner's
  flags, and with ``import asyncio``, started and waited for from here;
- runner import: the same interpreter importing the runner's session
  module (what every runner pays before it can take a connection);
- runner start-up over plain python3 and per-step overhead: the runner's
  own micro-benchmark, src/test/python/bench_runner.py (it plays the
  server's part without a sandbox);
- sandbox: bench/SandboxStartup.java starts the same trivial program
  through the server's own Sandbox classes from a JVM, unsandboxed, with
  bubblewrap, and with bubblewrap plus per-run cgroups.

The in-server part (runner wall times, server and transport) comes from
the events of section 1.
"""

import subprocess
import time
from pathlib import Path

import bench_runner
from runner_harness import RUNNER_DIR

from ..stats import median

SANDBOX_PROGRAM = Path(__file__).resolve().parents[2] / "SandboxStartup.java"
RUNNER_FLAGS = ["-I", "-X", "utf8", "-u"]


BARE, SITE = "python3 -I -S -c pass (bare interpreter)", "python3 -I -X utf8 -u -c pass (adds site)"


def interpreter_variants(python):
    """(label, argv, the label it adds to) of the interpreter stages."""
    runner_import = (f"import sys; sys.path.insert(0, {str(RUNNER_DIR)!r}); "
                     "from playground_runner import session")
    return [
        (BARE, [python, "-I", "-S", "-c", "pass"], None),
        (SITE, [python, *RUNNER_FLAGS, "-c", "pass"], BARE),
        ("... -c 'import asyncio'", [python, *RUNNER_FLAGS, "-c", "import asyncio"], SITE),
        ("... importing the runner (before its handshake)", [python, *RUNNER_FLAGS, "-c", runner_import], SITE),
    ]


def interpreter(python, runs):
    """[(label, median seconds, label of the stage it adds to)], the stages interleaved so they share the load."""
    variants = interpreter_variants(python)
    seconds = {label: [] for label, _, _ in variants}
    for index in range(runs + 1):
        for label, argv, _ in variants:
            started = time.perf_counter()
            subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=True, timeout=30)
            if index > 0:  # the first round warms the page cache
                seconds[label].append(time.perf_counter() - started)
    return [(label, median(seconds[label]), base) for label, _, base in variants]


def runner_startup(python, runs):
    """bench_runner's start-up rows: (label, plain seconds, runner seconds, overhead text)."""
    return bench_runner.startup(python, runs)


def runner_steps(python, followed=False):
    """bench_runner's 10,000-task gather rows (CPU seconds inside the program, best of 7).

    ``followed``: with every task followed by the timeline, not the default first 1,000.
    """
    return bench_runner.gather(python, followed=followed)


def sandbox(jar, python, runs, warm_up):
    """{sandbox name: [milliseconds]} or {name: 'unavailable: why'}; raises when the program itself fails."""
    completed = subprocess.run(["java", "-cp", str(jar), str(SANDBOX_PROGRAM), python, str(runs), str(warm_up)],
                               capture_output=True, text=True, timeout=300)
    if completed.returncode != 0:
        raise RuntimeError(f"{SANDBOX_PROGRAM.name} failed (exit {completed.returncode}):\n"
                           + completed.stderr[-2000:])
    figures = {}
    for line in completed.stdout.splitlines():
        name, tab, values = line.partition("\t")
        if not tab:
            continue
        figures[name] = values if values.startswith("unavailable") else [float(v) for v in values.split(",")]
    return figures
