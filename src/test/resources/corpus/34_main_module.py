# What the program sees of itself: __name__, __file__, argv, path, dir().
import os
import sys

print(__name__, __file__, sys.argv)
print(sys.path[0] == os.getcwd())
print(sorted(k for k in dir() if k.startswith("__")))
print(os.path.exists("main.py"))
import __main__
print(__main__.__dict__ is globals())
