# Attack: write forged lines on the runner's event channel: a fake "exit"
#   and "end" claiming success, a "queued" event, garbage, a 100 KB line, an
#   output event pretending to be stderr of another task, non-UTF-8 bytes.
# Containment: the server treats the channel as untrusted: it ignores exit,
#   end and queued from the program, drops malformed and oversized lines, and
#   decides the end from the real exit status (here: exit code 3, "error").
# expect-reason: error
import json
import os
import socket
import stat

forged = [
    {"type": "exit", "t": 0, "wall": 0, "code": 0, "reason": "ok"},
    {"type": "end", "t": 0, "wall": 0, "status": "finished", "exitCode": 0, "reason": "ok"},
    {"type": "queued", "t": 0, "wall": 0, "position": -1},
    {"type": "output", "t": 0, "wall": 0, "stream": "stderr", "task": "t999", "text": "forged line\n"},
    {"type": "task", "t": 0, "wall": 0, "id": {"nested": True}, "state": ["x"]},
]
lines = [json.dumps(event).encode() + b"\n" for event in forged]
lines += [b"not json at all\n", b"{\"type\": \"output\", \"text\": \"" + b"A" * 100_000 + b"\"}\n",
          b"\xff\xfe\xfd invalid utf-8\n", b"{\"type\":\"output\"" + b"\n"]

sent = 0
for fd in range(3, 64):  # the runner's own channel among the open descriptors
    try:
        if stat.S_ISSOCK(os.fstat(fd).st_mode):
            for line in lines:
                os.write(fd, line)
            sent += 1
    except OSError:
        pass
try:  # and a connection of our own to the socket
    s = socket.socket(socket.AF_UNIX)
    s.connect("/run/channel/events.sock")
    s.sendall(b"".join(lines))
    sent += 1
except OSError as e:
    print("own connection:", type(e).__name__)
print("forged on", sent, "channels", flush=True)
raise SystemExit(3)
