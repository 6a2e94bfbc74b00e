# Attack: print one 50 MB line with no newline, to blow up line-based
#   readers and the browser.
# Containment: the server caps output (1 MiB) and ends the run with reason
#   "output", keeping the first part.
# expect-reason: output
import sys

sys.stdout.write("x" * 50_000_000)
sys.stdout.flush()
