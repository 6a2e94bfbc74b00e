# Attack: get around a per-process memory limit by forking children that
#   each allocate nearly the limit and hold it.
# Containment: each child still hits its address-space limit; where cgroups
#   are available the whole tree is capped; runs have oom_score_adj 1000, so
#   the kernel's OOM killer would pick them before the server. The wall-time
#   limit ends the run.
# expect-reason: timeout
import os
import time

children = 0
for _ in range(10):
    try:
        if os.fork() == 0:
            try:
                hog = bytearray(200 * 2**20)
                hog[::4096] = b"x" * len(hog[::4096])  # touch every page
            except MemoryError:
                pass
            time.sleep(3600)
            os._exit(0)
        children += 1
    except OSError:
        break
print("children holding memory:", children, flush=True)
time.sleep(3600)
