# Attack: start threads until the machine runs out.
# Containment: the process limit (or the address-space limit, since each
#   thread reserves its stack) refuses new threads; the program fails with
#   "can't start new thread".
# expect-reason: error
import threading
import time

started = 0
while True:
    threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
    started += 1
    if started % 10 == 0:
        print("threads:", started, flush=True)
