# stdout and stderr interleaved, partial lines, write() and flush.
import sys

print("out 1")
print("err 1", file=sys.stderr)
sys.stdout.write("partial ")
sys.stdout.write("line\n")
sys.stderr.write("err 2\n")
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
sys.stdout.flush()
print()
# Without this flush, plain python3 (stdout block-buffered on a pipe) would put the
# bytes before the pending text; the runner, like python3 -u, keeps write order.
sys.stdout.flush()
sys.stdout.buffer.write("bytes é\n".encode())
print("unicode: 你好 ✓")
print(sys.stdout.encoding, sys.stdout.isatty(), sys.stdout.fileno(), sys.stderr.fileno())
