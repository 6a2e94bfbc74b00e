# asyncio.timeout (3.11+) and wait_for.
import asyncio
import time


async def slow():
    await asyncio.sleep(10)
    return "never"


async def main():
    start = time.monotonic()
    try:
        async with asyncio.timeout(0.3):
            await slow()
    except TimeoutError:
        print(f"timeout after {time.monotonic() - start:.1f}")
    try:
        await asyncio.wait_for(slow(), timeout=0.2)
    except asyncio.TimeoutError:
        print(f"wait_for gave up at {time.monotonic() - start:.1f}")
    print(await asyncio.wait_for(asyncio.sleep(0.1, result="in time"), timeout=1))


asyncio.run(main())
