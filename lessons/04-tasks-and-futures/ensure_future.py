# ensure_future(): "give me something I can schedule and await".
import asyncio


async def work():
    await asyncio.sleep(0.1)
    return "work result"


async def main():
    coro = work()
    task = asyncio.ensure_future(coro)  # a coroutine is wrapped in a new Task
    print("coroutine -> a new Task:", isinstance(task, asyncio.Task))

    same = asyncio.ensure_future(task)  # a Task (or Future) is returned as is
    print("task -> the same task:", same is task)

    fut = asyncio.get_running_loop().create_future()
    print("future -> the same future:", asyncio.ensure_future(fut) is fut)
    fut.set_result(None)

    print(await task)


asyncio.run(main())
