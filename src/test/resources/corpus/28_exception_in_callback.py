# An exception in a plain callback is logged by the loop, which carries on.
import asyncio


def bad_callback():
    raise ValueError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    loop.call_later(0.05, print, "later callback ran")
    await asyncio.sleep(0.1)
    print("loop survived")


asyncio.run(main())
