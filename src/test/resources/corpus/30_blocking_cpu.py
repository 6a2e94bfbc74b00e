# A CPU-bound loop inside a coroutine holds the whole event loop.
import asyncio
import time


def busy(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n > 0


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("busy:", busy(0.2))
    await t


asyncio.run(main())
