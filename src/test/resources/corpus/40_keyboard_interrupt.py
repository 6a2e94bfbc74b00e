# An uncaught KeyboardInterrupt ends the process the way CPython does.
import atexit

atexit.register(print, "atexit handler ran")
print("raising")
raise KeyboardInterrupt
