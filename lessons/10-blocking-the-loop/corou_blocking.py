# One coroutine calls time.sleep(): the whole event loop stops with it.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}"


async def corou1():
    print(f"corou 1, {now()}")
    await asyncio.sleep(1)  # gives up control
    print(f"corou 1, {now()}")


async def corou2():
    print(f"corou 2, {now()}")
    time.sleep(3)  # blocks: nothing else can run for 3 s
    print(f"corou 2, {now()}")


async def corou3():
    print(f"corou 3, {now()}")
    await asyncio.sleep(1)  # gives up control
    print(f"corou 3, {now()}")


async def main():
    # create_task hands each coroutine to the one event loop asyncio.run() made
    tasks = [asyncio.create_task(corou(), name=corou.__name__)
             for corou in [corou1, corou2, corou3]]
    await asyncio.gather(*tasks)  # main must await too, or it would end at once


if __name__ == "__main__":
    asyncio.run(main())
