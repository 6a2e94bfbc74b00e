# A task fails and nobody asks for its result.
import asyncio


async def fail():
    raise RuntimeError("boom")


async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.05)
    print("task done:", task.done())
    del task


asyncio.run(main())
print("after run")
