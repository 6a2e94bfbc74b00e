# Debug mode: never-awaited coroutine and a task exception with creation tracebacks.
import asyncio


async def helper():
    return 1


async def fail():
    raise KeyError("missing")


async def main():
    # Debug mode also warns about callbacks slower than 0.1 s; on a busy machine
    # any step may be that slow, so that warning is kept out of this comparison.
    asyncio.get_running_loop().slow_callback_duration = 60
    helper()
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    del task
    print("debug:", asyncio.get_running_loop().get_debug())


asyncio.run(main(), debug=True)
