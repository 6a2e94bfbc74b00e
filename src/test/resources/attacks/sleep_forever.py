# Attack: block forever on something that never happens (a signal), so the
#   run never ends and holds a slot.
# Containment: the wall-time limit kills the run.
# expect-reason: timeout
import signal

print("waiting for a signal that never comes", flush=True)
signal.pause()
