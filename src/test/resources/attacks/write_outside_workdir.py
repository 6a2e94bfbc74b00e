# Attack: write, create or delete files outside the working directory: the
#   root, system directories, the runner, the event channel's directory,
#   /proc/sys, /proc/sysrq-trigger, /dev.
# Containment: everything but the run's own tmpfs home (/home/student, with
#   /tmp pointing there) and /dev/shm is read-only.
# expect-reason: ok
# expect-stdout: contained
import os

escaped = False
targets = ["/evil", "/usr/evil", "/usr/bin/python3", "/etc/passwd", "/etc/evil", "/runner/run.py",
           "/runner/evil", "/run/channel/evil", "/proc/sys/kernel/hostname", "/proc/sysrq-trigger",
           "/dev/evil", "/bin/evil"]
for path in targets:
    try:
        with open(path, "a") as f:
            f.write("x")
        print("ESCAPED: wrote", path)
        escaped = True
    except OSError as e:
        print("blocked", path, type(e).__name__)
for path in ["/runner/run.py", "/usr/bin/python3"]:
    try:
        os.remove(path)
        print("ESCAPED: removed", path)
        escaped = True
    except OSError as e:
        print("blocked remove", path, type(e).__name__)
with open("mine.txt", "w") as f:
    f.write("my own file is fine")
print("home:", os.getcwd(), os.listdir("."))
if not escaped:
    print("contained")
