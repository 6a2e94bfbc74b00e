# CPU-bound work in executors: threads don't help (GIL), processes use every core.
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def timed(label, coro):
    t = time.perf_counter()
    await coro
    print(f"{label:22} {time.perf_counter() - t:.2f} s")


async def main():
    loop = asyncio.get_running_loop()
    n, jobs = 2_000_000, 4
    print("CPU cores:", os.cpu_count())

    async def in_loop():
        for _ in range(jobs):
            crunch(n)  # blocks the event loop the whole time

    await timed("in the event loop", in_loop())

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        await timed("thread pool", asyncio.gather(
            *(loop.run_in_executor(pool, crunch, n) for _ in range(jobs))))

    with ProcessPoolExecutor(max_workers=2) as pool:
        await timed("process pool (2)", asyncio.gather(
            *(loop.run_in_executor(pool, crunch, n) for _ in range(jobs))))


if __name__ == "__main__":  # needed: process pools may re-import this file
    asyncio.run(main())
