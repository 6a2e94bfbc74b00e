# When you must call blocking code, run it in a worker thread with asyncio.to_thread().
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}"


def blocking_io():
    """Stands for any blocking call: a sync HTTP client, a big file read, ..."""
    time.sleep(1)
    print(f"{now()} blocking_io finished (in a worker thread)")
    return "blocking work done"


async def ticker():
    for i in range(4):
        print(f"{now()} tick {i}")  # keeps ticking: the loop is not blocked
        await asyncio.sleep(0.3)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io), ticker())
    print(f"{now()} main got: {result}")


asyncio.run(main())
