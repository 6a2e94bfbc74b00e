# run_in_executor and to_thread: blocking work off the loop, in real time.
import asyncio
import time


def blocking(n):
    time.sleep(0.2)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    results = await asyncio.gather(
        loop.run_in_executor(None, blocking, 3),
        asyncio.to_thread(blocking, 4),
    )
    print("results", results)
    # Real time from the first thread on (the clock event says so); only the lower
    # bound is certain on a busy machine.
    print("took at least 0.2 s:", time.monotonic() - start >= 0.2)


asyncio.run(main())
