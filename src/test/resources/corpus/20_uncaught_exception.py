# An exception escaping asyncio.run: traceback through asyncio's frames, exit code 1.
import asyncio


async def divide(a, b):
    await asyncio.sleep(0.01)
    return a / b


async def main():
    print("computing")
    result = await divide(1, 0)
    print("never", result)


asyncio.run(main())
