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
    print(f"took {time.monotonic() - start:.1f}")


asyncio.run(main())
