# Attack: stop itself with SIGSTOP, so the process neither runs nor exits
#   and its slot is held forever.
# Containment: the wall-time limit kills the stopped tree (SIGKILL works on
#   stopped processes).
# expect-reason: timeout
import os
import signal

print("stopping myself", flush=True)
os.kill(os.getpid(), signal.SIGSTOP)
print("resumed?!", flush=True)
