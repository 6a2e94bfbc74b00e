# Forgetting await: the coroutine never runs and Python warns.
import asyncio


async def greet():
    print("hello")


async def main():
    greet()
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(main())
