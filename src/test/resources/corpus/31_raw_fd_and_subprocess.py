# Writes below sys.stdout: os.write and a child process (switches the clock to real).
import os
import subprocess
import sys

print("python print")
sys.stdout.flush()
subprocess.run([sys.executable, "-c", "print('child says hi')"], check=True)
os.write(1, b"raw fd 1\n")
os.write(2, b"raw fd 2\n")
