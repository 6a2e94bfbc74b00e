# Attack: crash the interpreter with a segmentation fault through ctypes,
#   hoping for a core dump on the host or a confused server.
# Containment: no core dump (RLIMIT_CORE 0, read-only file system); the
#   server reports the run killed by signal 11.
# expect-reason: killed
import ctypes

print("about to crash", flush=True)
ctypes.string_at(0)
