# One task yields 25,000 times: more task events than a run sends (20,000 by
# default). The timeline stops, the program runs on, and the blocking call
# after the loop is still reported.
import asyncio
import time


async def main():
    for i in range(25_000):
        await asyncio.sleep(0)
    time.sleep(0.1)
    print("yielded", i + 1, "times")


asyncio.run(main())
