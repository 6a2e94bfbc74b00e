# Seed: corou1/2/3, where corou2 blocks the loop with time.sleep (scaled: 0.5 s / 0.2 s).
import asyncio
import time

START = time.perf_counter()


def now():
    return f"{time.perf_counter() - START:.1f}"


async def corou1():
    print("corou 1, {}".format(now()))
    await asyncio.sleep(0.2)
    print("corou 1, {}".format(now()))


async def corou2():
    print("corou 2, {}".format(now()))
    time.sleep(0.5)
    print("corou 2, {}".format(now()))


async def corou3():
    print("corou 3, {}".format(now()))
    await asyncio.sleep(0.2)
    print("corou 3, {}".format(now()))


async def main():
    tasks = [asyncio.create_task(corou()) for corou in [corou1, corou2, corou3]]
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    asyncio.run(main())
