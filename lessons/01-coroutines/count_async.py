# Asynchronous: three count() coroutines take turns on one thread.
import asyncio
import os
import time


async def count():
    print("One")
    await asyncio.sleep(1)  # pause here; let the others run meanwhile
    # time.sleep(1)         # try this line instead of the one above
    print("Two")


async def main():
    await asyncio.gather(count(), count(), count())


if __name__ == "__main__":
    s = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - s
    print(f"{os.path.basename(__file__)} executed in {elapsed:0.1f} seconds.")
