"""What scripts/docker-smoke asks of a running playground container, over
its JSON API only (the way students' browsers and outside tools reach it).

    python3 -I docker/smoke_checks.py wait   URL [SECONDS]   wait until /api/health answers 200
    python3 -I docker/smoke_checks.py verify URL             the checks below; exit 1 on the first failure

verify checks that:
  * the server isolates runs with bubblewrap (not the insecure mode);
  * a lesson snippet with a recorded expected output prints exactly that;
  * a snippet trying to get out stays contained: no network route (a UDP
    connect to a TEST-NET address, which sends no packet even if it
    succeeds), no connection to the server's own port, no other process in
    sight, and no /etc/shadow.
Stdlib only, so it runs with any python3 on the machine.
"""
import json
import sys
import time
import urllib.error
import urllib.request

ESCAPE_ATTEMPT = r'''
import os, socket

def attempt(name, action):
    try:
        action()
        print(name, "REACHED")
    except OSError as problem:
        print(name, "blocked", type(problem).__name__)

def udp_route():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.1", 9))   # connect only picks a route; no packet is sent

def server_port():
    socket.create_connection(("127.0.0.1", 7070), timeout=2).close()

def shadow():
    with open("/etc/shadow") as f:
        f.read()

attempt("udp", udp_route)
attempt("server", server_port)
attempt("shadow", shadow)
others = []
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if b"java" in f.read():
                others.append(pid)
    except OSError:
        pass
print("server-process", "REACHED" if others else "blocked", "hidden")
'''
ESCAPES = ("udp", "server", "shadow", "server-process")


class Failed(Exception):
    pass


def request(url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def wait_healthy(base, seconds):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            status, health = request(base + "/api/health", timeout=3)
            if status == 200:
                return health
            last = f"HTTP {status} {health}"
        except (OSError, ValueError) as problem:
            last = problem
        time.sleep(0.25)
    raise Failed(f"no healthy answer from {base}/api/health in {seconds} s (last: {last})")


def run(base, code, mode="virtual"):
    status, created = request(base + "/api/runs", {"code": code, "mode": mode})
    if status != 201:
        raise Failed(f"POST /api/runs answered {status}: {created}")
    status, result = request(f"{base}/api/runs/{created['id']}?wait=30", timeout=40)
    if result.get("status") != "finished":
        raise Failed(f"run {created['id']} did not finish: {result}")
    return result


def check_sandbox(base):
    health = wait_healthy(base, 5)
    if health.get("sandbox") != "bubblewrap" or health.get("status") != "ok":
        raise Failed(f"the container does not isolate runs with bubblewrap: {health}")
    return f"health: {health.get('status')}, sandbox {health['sandbox']}, python {health.get('python')}"


def first_snippet_with_expected_output(base):
    status, lessons = request(base + "/api/lessons")
    if status != 200 or not lessons:
        raise Failed(f"GET /api/lessons answered {status}: {lessons}")
    for summary in lessons:
        _, lesson = request(f"{base}/api/lessons/{summary['id']}")
        for snippet in lesson.get("snippets", []):
            if snippet.get("expected"):
                return lesson["id"], snippet
    raise Failed("no lesson snippet has an expected output to compare with")


def check_lesson_snippet(base):
    lesson_id, snippet = first_snippet_with_expected_output(base)
    result = run(base, snippet["code"])
    where = f"{lesson_id}/{snippet['name']}"
    if result.get("exitCode") != 0 or result.get("stdout") != snippet["expected"]:
        raise Failed(f"{where}: expected exit 0 and\n{snippet['expected']!r}\ngot exit {result.get('exitCode')} "
                     f"({result.get('reason')})\n{result.get('stdout')!r}\nstderr: {result.get('stderr')!r}")
    return f"lesson snippet {where}: output as expected ({len(result['stdout'])} chars)"


def check_escape_contained(base):
    result = run(base, ESCAPE_ATTEMPT)
    verdicts = dict(line.split()[:2] for line in result.get("stdout", "").splitlines() if line.strip())
    if sorted(verdicts) != sorted(ESCAPES) or any(v != "blocked" for v in verdicts.values()):
        raise Failed(f"escape attempt not contained: {result.get('stdout')!r} stderr {result.get('stderr')!r}")
    return "escape attempt contained: " + ", ".join(f"{name} {verdicts[name]}" for name in ESCAPES)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("wait", "verify"):
        sys.exit(__doc__)
    base = argv[2].rstrip("/")
    try:
        if argv[1] == "wait":
            wait_healthy(base, float(argv[3]) if len(argv) > 3 else 120)
            return
        for check in (check_sandbox, check_lesson_snippet, check_escape_contained):
            print("docker-smoke:", check(base), flush=True)
    except Failed as failure:
        sys.exit(f"docker-smoke: FAILED: {failure}")


if __name__ == "__main__":
    main(sys.argv)
