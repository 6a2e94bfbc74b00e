# A classic mistake: calling a coroutine function without await.
import asyncio


async def do_some_work(x):
    print("waiting:", x)
    await asyncio.sleep(0.5)
    print("finished:", x)


async def main():
    do_some_work(1)        # BUG: creates a coroutine object and drops it
    await do_some_work(2)  # correct: runs it and waits for it


asyncio.run(main())
