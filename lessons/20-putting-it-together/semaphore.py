# Limiting concurrency with a Semaphore: at most 3 "downloads" at a time.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def fetch(url, limit):
    async with limit:  # waits here while 3 others are inside
        print(f"{now()} start {url}")
        await asyncio.sleep(0.5)
    return url


async def main():
    limit = asyncio.Semaphore(3)
    urls = [f"/{i}" for i in range(7)]
    results = await asyncio.gather(*(fetch(url, limit) for url in urls))
    print(now(), "done:", results)


asyncio.run(main())
