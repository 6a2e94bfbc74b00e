# Attack: the classic fork bomb: every process forks forever.
# Containment: the run's process limit (64 processes and threads, counted in
#   its own user namespace) stops the growth; other runs still start; the
#   wall-time limit kills the whole tree.
# expect-reason: timeout
import os

while True:
    try:
        os.fork()
    except OSError:
        pass
