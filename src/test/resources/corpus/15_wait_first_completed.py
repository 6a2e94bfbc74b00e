# asyncio.wait with FIRST_COMPLETED, then cancelling the rest.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = {asyncio.create_task(job(n, d), name=n) for n, d in [("fast", 0.1), ("mid", 0.3), ("slow", 0.6)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.result() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    results = await asyncio.gather(*pending, return_exceptions=True)
    print("after cancel:", [type(r).__name__ for r in results])


asyncio.run(main())
