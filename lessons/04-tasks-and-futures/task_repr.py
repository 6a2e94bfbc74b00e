# What a task looks like when printed, before and after it runs.
import asyncio


async def do_some_work(x):
    print("waiting:", x)


async def main():
    task = asyncio.create_task(do_some_work(2), name="work")
    print(task)
    await task
    print(task)


asyncio.run(main())
