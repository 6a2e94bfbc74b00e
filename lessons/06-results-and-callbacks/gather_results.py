# gather(): results come back in argument order; what happens on an exception.
import asyncio


async def task1():
    await asyncio.sleep(1)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(0.5)  # finishes first...
    return "Task 2 done"


async def broken():
    await asyncio.sleep(0.2)
    raise ValueError("broken task")


async def main():
    results = await asyncio.gather(task1(), task2())
    print(results)  # ...but its result is still second

    results = await asyncio.gather(task1(), broken(), task2(), return_exceptions=True)
    print(results)  # the exception takes the place of a result

    try:
        await asyncio.gather(task1(), broken(), task2())
    except ValueError as e:
        print("gather raised:", e)  # the first exception, as soon as it happens


asyncio.run(main())
