"""The playground runner: runs a student's main.py under an instrumented asyncio.

One concept per module, in the order a run meets them:

* :mod:`.session`  — one run, from handshake to exit status (start here);
* :mod:`.channel`  — the unix socket to the server, JSON lines, thread-safe;
* :mod:`.wire`     — JSON without importing :mod:`json`;
* :mod:`.events`   — the event vocabulary (start, output, task, blocked, clock, error);
* :mod:`.clock`    — program time: real, or real plus forward jumps (virtual);
* :mod:`.selector` — where the event loop waits, and where virtual time jumps;
* :mod:`.tasks`    — every task's life: created, running, waiting, finished;
* :mod:`.awaiting` — what a suspended task waits for, and on which line;
* :mod:`.watchdog` — which line holds the loop when a step runs too long;
* :mod:`.output`   — sys.stdout / sys.stderr as output events;
* :mod:`.program`  — main.py run as ``__main__`` exactly like ``python3 main.py``;
* :mod:`.hooks`    — patching modules when the program first imports them.

Only the standard library, and as little of it as possible at start-up:
every import here is paid by every run.
"""
