# async for takes one value at a time; concurrency comes from tasks, not from async for.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def ticks(name, n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield f"{name}{i}"


async def consume(name):
    async for value in ticks(name, 3):
        print(now(), value)


async def main():
    print("two async for loops, one after the other:")
    async for value in ticks("a", 3):
        print(now(), value)
    async for value in ticks("b", 3):
        print(now(), value)

    print("two consumers running as tasks:")
    await asyncio.gather(consume("c"), consume("d"))


asyncio.run(main())
