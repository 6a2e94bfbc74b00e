# Async comprehensions, and why [await f(x) for x in xs] is not concurrent.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


async def square(x):
    await asyncio.sleep(0.5)
    return x * x


async def main():
    evens = [i async for i in numbers(10) if i % 2 == 0]
    print(now(), "async comprehension:", evens)

    t = time.perf_counter()
    squares = [await square(x) for x in range(4)]  # one after another
    print(now(), "await in a comprehension:", squares,
          f"({time.perf_counter() - t:.1f}s)")

    t = time.perf_counter()
    squares = await asyncio.gather(*(square(x) for x in range(4)))  # together
    print(now(), "gather:", squares, f"({time.perf_counter() - t:.1f}s)")


asyncio.run(main())
