# sys.exit with a code from inside a coroutine.
import asyncio
import sys


async def main():
    print("about to exit")
    await asyncio.sleep(0.01)
    sys.exit(3)


asyncio.run(main())
print("not reached")
