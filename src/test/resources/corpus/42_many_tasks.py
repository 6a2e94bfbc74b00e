# 3,000 tasks: more than the timeline follows (1,000 by default). The program
# must run exactly as plain Python runs it; the runner only stops following.
import asyncio


async def worker(i):
    await asyncio.sleep(0.01)
    if i % 250 == 0:
        print(f"worker {i} done")
    return i


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(3_000)))
    print(len(results), sum(results))


asyncio.run(main())
