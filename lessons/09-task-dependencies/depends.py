# One task needs another's result: await it (note 002's example).
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def task1():
    print(now(), "Task 1 started")
    await asyncio.sleep(2)
    print(now(), "Task 1 completed")
    return "Result from Task 1"


async def task2():
    print(now(), "Task 2 started")
    result = await task1()  # wait for task1's result
    print(now(), "Task 2 received result from Task 1:", result)
    print(now(), "Task 2 completed")


async def main():
    await task2()


asyncio.run(main())
