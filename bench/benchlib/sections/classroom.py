"""4. A class: N students at once, each opening a lesson page and running three lesson snippets over SSE.

Every student is a thread with its own loopback address (so the server's
per-client caps see N students, not one), released together by a barrier.
A student GETs ``/lessons/<id>``, then runs three consecutive snippets of
the course starting in that lesson, one after the other, each submitted
in fast-forward mode (the page's default) and followed to its ``end``
event. 429 answers are retried after their Retry-After and counted.

Two plans (:func:`plan`): ``lesson``, a class following the teacher, where
everyone runs the same lesson's snippets unedited (the server executes
each once and replays it to the others, see RecentRuns.java; the goal is
checked here), and ``spread``, where every student starts at a different
snippet and has edited it (a comment naming the student), so that every
run is an execution: the worst case, which says how many executions per
second two cores sustain. The lesson plan's code carries a comment of its
own too, so that the class does not replay runs of earlier sections.

A run fails when the client saw an error or the run did not end ``ok``
with exit 0. A run that ended ok but whose stdout differs from the
snippet's ``.expected`` is counted apart (in fast-forward mode real
computation adds to the program clock, so a loaded machine shifts the
printed timings). Latency is submit → end event, including any 429 waits
and queueing. The server's own CPU and memory come from /proc (its RSS
sampled every 100 ms); the CPU of the server and its runs together from
the benchmark's cpuacct group where there is one (see ``cpuacct``); the
machine's busy CPU from /proc/stat (other processes on the machine count
too).
"""

import http.client
import resource
import threading
import time

from .. import procfs
from ..client import Client
from ..runs import watch_run

RUNS_PER_STUDENT = 3
HTTP_TIMEOUT = 15.0


def student_address(index):
    return f"127.30.{index // 200}.{index % 200 + 1}"


def plan(snippets, students, kind):
    """[(lesson id, [snippets])] per student: three consecutive snippets of the course.

    ``lesson``: the same three for everyone, from the first snippet of the
    lesson a third of the way into the course. ``spread``: each student
    starts three snippets after the previous one, all over the course.
    """
    plans = []
    lesson_start = next(i for i, s in enumerate(snippets) if s[0] == snippets[len(snippets) // 3][0])
    for student in range(students):
        first = lesson_start if kind == "lesson" else (student * RUNS_PER_STUDENT) % len(snippets)
        chosen = [snippets[(first + k) % len(snippets)] for k in range(RUNS_PER_STUDENT)]
        plans.append((chosen[0][0], chosen))
    return plans


WRONG_OUTPUT = "stdout differs from .expected"


def _judge(run, expected):
    if run.error:
        return run.error
    if run.reason != "ok" or run.end.get("exitCode") != 0:
        return f"ended {run.reason} (exit {run.end.get('exitCode')})"
    if expected is not None and run.stdout != expected:
        return WRONG_OUTPUT
    return None


def _own_cpu_seconds():
    """CPU of this benchmark process (all its threads: the simulated students are load on the machine too)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _RssSampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._halt = threading.Event()

    def run(self):
        while not self._halt.wait(0.1):
            try:
                self.peak_kib = max(self.peak_kib, procfs.memory_kib(self.pid).get("VmRSS", 0))
            except OSError:
                return

    def stop(self):
        self._halt.set()
        self.join()


def measure(server, snippets, students, time_limit, kind):
    """Bounded: students stop starting runs ``time_limit`` seconds after the start; a read waits at most
    ``HTTP_TIMEOUT`` (longer than the server's 10 s wall limit, so a hung run ends with the server's verdict)."""
    plans = plan(snippets, students, kind)
    http_timeout = HTTP_TIMEOUT
    barrier = threading.Barrier(students + 1)
    pages, runs = [None] * students, [[] for _ in range(students)]

    def student(index):
        lesson, chosen = plans[index]
        client = Client(server.port, source_ip=student_address(index), timeout=http_timeout)
        try:
            barrier.wait()
            give_up_at = started + time_limit
            page_start = time.perf_counter()
            try:
                status, _, body = client.request("GET", f"/lessons/{lesson}")
                pages[index] = (status, time.perf_counter() - page_start, len(body))
            except (OSError, http.client.HTTPException) as failure:
                pages[index] = (str(failure), time.perf_counter() - page_start, 0)
            edit = f"\n# student {index}\n" if kind == "spread" else "\n# class\n"
            for _, name, code, expected in chosen:
                run = watch_run(client, code + edit, "virtual", give_up_at)
                runs[index].append((name, run, _judge(run, expected)))
        finally:
            client.close()

    threads = [threading.Thread(target=student, args=(i,), daemon=True) for i in range(students)]
    for thread in threads:
        thread.start()
    cpu_before = procfs.cpu_seconds(server.pid)
    with_runs_before = server.cpu_seconds_with_runs()
    machine_before = procfs.machine_cpu_seconds()
    driver_before = _own_cpu_seconds()
    sampler = _RssSampler(server.pid)
    sampler.start()
    started = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join(max(0.0, started + time_limit + 5 - time.perf_counter()))
    elapsed = time.perf_counter() - started
    sampler.stop()
    cpu_after = procfs.cpu_seconds(server.pid)
    with_runs_after = server.cpu_seconds_with_runs()
    machine_after = procfs.machine_cpu_seconds()
    driver_after = _own_cpu_seconds()
    stragglers = sum(thread.is_alive() for thread in threads)

    all_runs = [(name, run, verdict) for student_runs in runs for name, run, verdict in student_runs]
    return {
        "plan": kind,
        "students": students,
        "snippets": sorted({name for _, chosen in plans for _, name, _, _ in chosen}),
        "replayed": sum(1 for _, run, _ in all_runs if run.end and run.end.get("cached")),
        "elapsed": elapsed,
        "stragglers": stragglers,
        "pages": [page for page in pages if page is not None],
        "latencies": [run.latency for _, run, verdict in all_runs if run.latency is not None],
        "points": [(run.submitted - started, run.latency, verdict in (None, WRONG_OUTPUT))
                   for _, run, verdict in all_runs if run.latency is not None],
        "runs": len(all_runs),
        "expected_runs": students * RUNS_PER_STUDENT,
        "failures": [(name, verdict) for name, _, verdict in all_runs if verdict not in (None, WRONG_OUTPUT)],
        "wrong_output": [name for name, _, verdict in all_runs if verdict == WRONG_OUTPUT],
        "rejected": sum(run.rejected for _, run, _ in all_runs),
        "queued_runs": sum(1 for _, run, _ in all_runs if run.queued),
        "max_queue_position": max((run.queued for _, run, _ in all_runs), default=0),
        "server_cpu": cpu_after - cpu_before,
        "runs_cpu": None if with_runs_before is None
        else (with_runs_after - with_runs_before) - (cpu_after - cpu_before),
        "machine_busy": machine_after[0] - machine_before[0],
        "driver_cpu": driver_after - driver_before,
        "server_rss_peak_kib": sampler.peak_kib,
        "server_memory_kib": procfs.memory_kib(server.pid),
    }
