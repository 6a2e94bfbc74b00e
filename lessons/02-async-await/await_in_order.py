# Two awaits in a row run one after the other, not at the same time.
import asyncio
import time


async def foo():
    print("----start foo")
    await asyncio.sleep(1)
    print("----end foo")


async def bar():
    print("****start bar")
    await asyncio.sleep(2)
    print("****end bar")


async def main():
    start = time.perf_counter()
    await foo()  # main pauses here until foo() has finished...
    await bar()  # ...and only then starts bar()
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
