# What happens to tasks nobody awaits when main() returns.
import asyncio


async def foo():
    print("----start foo")
    await asyncio.sleep(1)
    print("----end foo")


async def bar():
    print("****start bar")
    await asyncio.sleep(2)
    print("****end bar")


async def main():
    task1 = asyncio.create_task(foo(), name="foo")
    task2 = asyncio.create_task(bar(), name="bar")
    print("main() returns without awaiting its tasks")


asyncio.run(main())  # cancels task1 and task2 before they can finish
print("program ends")
