# async generators, async for, async comprehensions and asynccontextmanager.
import asyncio
from contextlib import asynccontextmanager


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.05)
        yield i


@asynccontextmanager
async def resource(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)


async def main():
    async for i in ticks(3):
        print("tick", i)
    squares = [i * i async for i in ticks(4)]
    print(squares)
    async with resource("db") as r:
        print("using", r)


asyncio.run(main())
