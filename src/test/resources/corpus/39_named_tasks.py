# Two named tasks printing alternately: each line belongs to its task.
import asyncio


async def speaker(word, delay):
    for i in range(3):
        print(f"{word} {i}")
        await asyncio.sleep(delay)


async def main():
    await asyncio.gather(
        asyncio.create_task(speaker("ping", 0.1), name="pinger"),
        asyncio.create_task(speaker("pong", 0.15), name="ponger"),
    )


asyncio.run(main())
