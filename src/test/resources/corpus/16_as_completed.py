# as_completed yields results in finishing order.
import asyncio
import time


async def fetch(n):
    await asyncio.sleep(0.1 * (4 - n))
    return n


async def main():
    start = time.perf_counter()
    for next_done in asyncio.as_completed([fetch(n) for n in range(1, 4)]):
        n = await next_done
        print(f"got {n} at {time.perf_counter() - start:.1f}")


asyncio.run(main())
