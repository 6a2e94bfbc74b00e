# Attack: read a file of the server's (world-readable on the host, so only the
#   mount namespace protects it), the server's /proc entry, its state and
#   runner directories, and the sources it was built from.
# Containment: none of these paths exists inside the sandbox; the runner is
#   visible read-only at /runner only.
# expect-reason: ok
# expect-stdout: contained
import os

escaped = False
for path in ["{{SECRET_FILE}}", "/proc/{{SERVER_PID}}/environ", "/proc/{{SERVER_PID}}/cmdline",
             "/proc/{{SERVER_PID}}/root/etc/shadow", "/work", "/home", "/root", "/opt", "/var", "/srv",
             "/sys/class/net", "/sys/fs/cgroup"]:
    try:
        if os.path.isdir(path):
            print("listed", path, os.listdir(path))
            if path not in ("/home",) and os.listdir(path):
                print("ESCAPED: listed", path)
                escaped = True
        else:
            with open(path, "rb") as f:
                f.read(100)
            print("ESCAPED: read", path)
            escaped = True
    except OSError as e:
        print("blocked", path, type(e).__name__)
if not escaped:
    print("contained")
