"""3. Fast-forward savings: every lesson snippet in virtual mode, its program time against its wall time.

``durationSeconds`` is the program clock at the end (what a real-time run
would take) and ``wallSeconds`` what the server spent. A snippet that
starts threads, subprocesses or waits on real sockets switches to real
time (a ``clock`` event, whose reason is kept) and saves nothing. Each snippet's
stdout is also compared with its ``.expected`` when the lesson has one.
"""

import http.client
import time
from concurrent.futures import ThreadPoolExecutor

from ..client import Client, HttpError


def lesson_snippets(client):
    """[(lesson id, snippet name, code, expected or None)] of the whole course, in course order."""
    snippets = []
    for lesson in client.get_json("/api/lessons"):
        for snippet in client.get_json(f"/api/lessons/{lesson['id']}")["snippets"]:
            snippets.append((lesson["id"], snippet["name"], snippet["code"], snippet.get("expected")))
    return snippets


def _run_one(client, snippet):
    lesson, name, code, expected = snippet
    row = {"snippet": f"{lesson}/{name}"}
    started = time.perf_counter()
    try:
        run_id, row["rejected"] = client.submit(code, "virtual", give_up_at=started + 60)
        result = client.get_json(f"/api/runs/{run_id}?wait=30")
    except (OSError, HttpError, http.client.HTTPException, ValueError) as failure:
        row["error"] = f"{type(failure).__name__}: {failure}"
        return row
    row.update(client_seconds=time.perf_counter() - started, program=result.get("durationSeconds"),
               wall=result.get("wallSeconds"), reason=result.get("reason"), exit=result.get("exitCode"),
               matches=None if expected is None else result.get("stdout") == expected,
               real_clock=next((e.get("reason") for e in result.get("events", []) if e.get("type") == "clock"),
                               None))
    return row


def measure(server, snippets, workers=2):
    """One row per snippet, in course order; ``workers`` clients (distinct addresses) take turns side by side."""
    def work(worker):
        client = Client(server.port, source_ip=f"127.20.0.{worker + 1}")
        try:
            return [(index, _run_one(client, snippet))
                    for index, snippet in enumerate(snippets) if index % workers == worker]
        finally:
            client.close()

    with ThreadPoolExecutor(workers) as pool:
        rows = [row for part in pool.map(work, range(workers)) for row in part]
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]
