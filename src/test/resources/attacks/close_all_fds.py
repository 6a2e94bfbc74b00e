# Attack: close every file descriptor, the runner's event channel and the
#   stdout/stderr pipes included, then keep running, so the server loses
#   sight of the program.
# Containment: the server keeps its own watch on the process: the run still
#   ends at the wall-time limit.
# expect-reason: timeout
import os
import time

print("closing everything", flush=True)
os.closerange(0, 4096)
while True:
    time.sleep(1)
