# Attack: read the environment of every process in sight,
#   hoping for the server's (secrets, paths, JAVA_HOME, PLAYGROUND_ settings).
# Containment: a fresh pid namespace shows only the run's own processes
#   (bubblewrap's init as pid 1 and the program); none carries host variables.
#   (pid 1's command line is bubblewrap's, which names the host paths of the
#   run's channel and runner directories: paths, not contents.)
# expect-reason: ok
# expect-stdout: contained
import os

host_markers = ["JAVA_HOME=", "PLAYGROUND_", "MAVEN_", "JDK_JAVA_OPTIONS=", "SSH_", "USER=root", "PWD=/work"]
pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
print("visible pids:", pids)
escaped = False
for pid in pids:
    for part in ["environ"]:  # (command lines hold this very program when it runs as python -c)
        try:
            with open(f"/proc/{pid}/{part}", "rb") as f:
                text = f.read().decode(errors="replace")
        except OSError as e:
            print("blocked", pid, part, type(e).__name__)
            continue
        for marker in host_markers:
            if marker in text:
                print("ESCAPED: host variable", marker, "in", pid, part)
                escaped = True
if len(pids) > 4:
    print("ESCAPED: sees", len(pids), "processes")
    escaped = True
if not escaped:
    print("contained")
