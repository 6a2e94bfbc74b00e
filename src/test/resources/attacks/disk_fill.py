# Attack: fill the disk through every writable place (home, /tmp, /dev/shm).
# Containment: those are size-capped tmpfs inside the sandbox (and a single
#   file is capped by RLIMIT_FSIZE); the writes fail with "No space left on
#   device" and the host's disk is untouched. Everything vanishes with the run.
# expect-reason: ok
# expect-stdout: contained
import errno
import os

total = 0
for directory in [".", "/tmp", "/dev/shm"]:
    for n in range(1000):
        try:
            with open(os.path.join(directory, f"fill-{n}"), "wb") as f:
                for _ in range(4):
                    f.write(b"\0" * 2**20)
                    total += 1
        except OSError as e:
            print(directory, "full:", errno.errorcode.get(e.errno, e.errno))
            break
print("wrote", total, "MiB in all")
if total > 64:
    print("ESCAPED: wrote", total, "MiB")
else:
    print("contained")
