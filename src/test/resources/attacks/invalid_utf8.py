# Attack: emit bytes that are not UTF-8 (lone continuation bytes, overlong
#   forms, surrogates, NUL, terminal escape sequences) on stdout, stderr and
#   the raw descriptors, to break the server's decoding or the JSON it sends.
# Containment: the server decodes with replacement characters; the JSON
#   result stays valid and the run ends normally.
# expect-reason: ok
# expect-stdout: after the bad bytes
import os
import sys

os.write(1, b"raw: \xff\xfe \xc3\x28 \xe2\x82 \xf0\x28\x8c\xbc \xc0\xaf \x00 \x1b[31mred\x1b[0m\n")
os.write(2, b"raw err: \xed\xa0\x80 \x80\x80\n")
sys.stdout.buffer.write(b"buffer: \xff\xfe\n")
sys.stdout.flush()
try:
    print("lone surrogate: \ud800")
except UnicodeEncodeError:
    print("the encoder refused a lone surrogate")
sys.stdout.buffer.write("escaped surrogate: \udcff\n".encode("utf-8", "surrogateescape"))
sys.stdout.flush()
print("after the bad bytes")
