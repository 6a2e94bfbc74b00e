# sys.exit with a message: printed on stderr, exit code 1.
import sys

print("before")
sys.exit("fatal: bad configuration")
