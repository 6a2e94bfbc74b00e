# The test harness stops this process (SIGSTOP) for half a second while it
# computes, as a busy server would deschedule it. Virtual program time must
# count only the computing, so the first line stays near 0.000.
import asyncio
import os
import time


async def main():
    loop = asyncio.get_running_loop()
    t0, cpu0 = loop.time(), time.process_time()
    print(f"pid {os.getpid()}", flush=True)
    while time.process_time() - cpu0 < 0.4:
        pass
    print(f"{loop.time() - t0 - (time.process_time() - cpu0):.3f}")
    await asyncio.sleep(1)
    print(f"{loop.time() - t0:.1f}")


asyncio.run(main())
