# Three kinds of awaitable: a coroutine, a Task and a Future.
import asyncio


async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b


async def main():
    # 1. a coroutine: awaiting it runs it right here
    print("coroutine ->", await add(1, 2))

    # 2. a Task: the coroutine is already scheduled; await waits for its result
    task = asyncio.create_task(add(3, 4), name="add-3-4")
    print("task ->", await task)

    # 3. a Future: a placeholder that someone fills in later
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.1, future.set_result, "filled in")
    print("future ->", await future)

    # not awaitable: a plain value
    try:
        await 42
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
