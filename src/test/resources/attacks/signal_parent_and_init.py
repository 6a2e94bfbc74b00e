# Attack: kill the parent, pid 1 and every process that can be signalled
#   (kill(-1)), hoping to reach the server or other runs.
# Containment: only the run's own pid namespace is visible; its init ignores
#   signals from inside; the server and other runs are out of reach.
# expect-reason: ok
# expect-stdout: contained
import os
import signal

print("my pid", os.getpid(), "parent", os.getppid())
for target, what in [(os.getppid(), "parent"), (1, "pid 1")]:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(target, sig)
            print("sent", sig.name, "to", what)
        except OSError as e:
            print("cannot signal", what, type(e).__name__)
try:
    os.kill(-1, signal.SIGKILL)  # everyone but myself and init in my namespace
    print("sent SIGKILL to -1")
except OSError as e:
    print("kill(-1):", type(e).__name__)
print("still alive; pid 1 is", open("/proc/1/cmdline", "rb").read().split(b"\0")[0].decode())
print("contained")
