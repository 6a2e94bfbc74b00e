# Making foo() and bar() overlap: with gather, or with tasks.
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


async def main_gather():
    await asyncio.gather(foo(), bar())


async def main_tasks():
    task1 = asyncio.create_task(foo(), name="foo")
    task2 = asyncio.create_task(bar(), name="bar")
    await task1  # both tasks are already running; wait for foo...
    await task2  # ...then for bar (which has had its time to run meanwhile)


if __name__ == "__main__":
    for main in (main_gather, main_tasks):
        start = time.perf_counter()
        asyncio.run(main())
        print(f"{main.__name__} took {time.perf_counter() - start:.1f} s\n")
