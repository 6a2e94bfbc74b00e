# shield: the outer await is cancelled, the inner task carries on.
import asyncio


async def important():
    await asyncio.sleep(0.2)
    print("important work finished")
    return 42


async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.1)
    except asyncio.TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)


asyncio.run(main())
