"""One run as a browser lives it: POST the code, open the event stream, read to ``end``, with its timings."""

import http.client
import time
from dataclasses import dataclass, field

from .client import HttpError


@dataclass
class WatchedRun:
    """What the client saw of one run. Times are ``time.perf_counter()`` values; ``None`` when it never happened."""

    submitted: float
    accepted: float = None       # the 201 arrived
    first_output: float = None   # the first ``output`` event arrived
    ended: float = None          # the ``end`` event arrived
    start_wall: float = None     # runner: seconds from receiving the code to its ``start`` event
    output_wall: float = None    # runner: seconds from receiving the code to the first output
    end: dict = None             # the ``end`` event's data
    stdout: str = ""
    rejected: int = 0            # 429 answers before it was accepted
    queued: int = 0              # highest queue position announced
    error: str = None            # what went wrong on the client's side
    run_id: str = None
    event_counts: dict = field(default_factory=dict)

    @property
    def latency(self):
        """Submit → end event, seconds (what the student waits for the whole answer)."""
        return None if self.ended is None else self.ended - self.submitted

    @property
    def time_to_first_output(self):
        return None if self.first_output is None else self.first_output - self.submitted

    @property
    def reason(self):
        return None if self.end is None else self.end.get("reason")


def watch_run(client, code, mode, give_up_at, on_first_output=None):
    """Runs ``code`` through the server like a browser; never raises (failures land in ``error``)."""
    run = WatchedRun(submitted=time.perf_counter())
    try:
        run.run_id, run.rejected = client.submit(code, mode, give_up_at)
        run.accepted = time.perf_counter()
        stdout = []
        for event in client.events(run.run_id):
            run.event_counts[event.type] = run.event_counts.get(event.type, 0) + 1
            if event.type == "start":
                run.start_wall = event.data.get("wall")
            elif event.type == "queued":
                run.queued = max(run.queued, event.data.get("position", 0))
            elif event.type == "output":
                if event.data.get("stream") == "stdout":
                    stdout.append(event.data.get("text", ""))
                if run.first_output is None:
                    run.first_output = event.received
                    run.output_wall = event.data.get("wall")
                    if on_first_output is not None:
                        on_first_output(run)
            elif event.type == "end":
                run.ended = event.received
                run.end = event.data
            if time.perf_counter() > give_up_at and run.end is None:
                raise TimeoutError("the run did not end in time")
        run.stdout = "".join(stdout)
        if run.end is None:
            run.error = "the event stream closed before the end event"
    except (OSError, HttpError, http.client.HTTPException, ValueError) as failure:
        run.error = f"{type(failure).__name__}: {failure}"
    return run
