# Attack: allocate memory until the machine swaps or the OOM killer strikes
#   the server.
# Containment: the address-space limit (256 MiB) makes allocation fail with
#   MemoryError inside the program.
# expect-reason: memory
chunks = []
while True:
    chunks.append(bytearray(16 * 2**20))
    print("holding", 16 * len(chunks), "MiB", flush=True)
