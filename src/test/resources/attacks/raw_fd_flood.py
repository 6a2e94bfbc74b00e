# Attack: write 50 MB straight to file descriptors 1 and 2 with os.write,
#   bypassing Python's sys.stdout, in one call each and without newlines.
# Containment: the server reads the raw pipes with the same output cap and
#   ends the run with reason "output".
# expect-reason: output
import os

os.write(1, b"y" * 50_000_000)
os.write(2, b"z" * 50_000_000)
