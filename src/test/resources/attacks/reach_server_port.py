# Attack: connect to the playground server's own HTTP port on 127.0.0.1 (to
#   start more runs, read other students' results, or flood it).
# Containment: the sandbox's loopback is its own; nothing listens on that port
#   there, so the connection is refused and the server sees nothing.
# expect-reason: ok
# expect-stdout: contained
import socket

escaped = False
for host in ["127.0.0.1", "localhost", "::1"]:
    try:
        with socket.create_connection((host, {{SERVER_PORT}}), timeout=2) as s:
            s.sendall(b"GET /api/health HTTP/1.0\r\n\r\n")
            print("ESCAPED: reached the server at", host, s.recv(100))
            escaped = True
    except OSError as e:
        print("refused at", host, type(e).__name__)
if not escaped:
    print("contained")
