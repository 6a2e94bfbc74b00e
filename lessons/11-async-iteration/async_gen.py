# An async generator: a generator that may await between the values it yields.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def async_generator():
    for i in range(5):
        yield i
        await asyncio.sleep(0.5)  # e.g. waiting for the next network message


async def main():
    async for value in async_generator():
        print(now(), value)

    try:
        for value in async_generator():  # a plain for does not work
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
