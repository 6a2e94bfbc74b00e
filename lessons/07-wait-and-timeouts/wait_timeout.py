# Three ways to stop waiting: wait(timeout=), wait_for(), asyncio.timeout().
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def do_some_work(x):
    try:
        await asyncio.sleep(x)
        return f"done after {x}s"
    except asyncio.CancelledError:
        print(f"{now()} work({x}) was cancelled")
        raise  # let the cancellation finish


async def main():
    # 1. wait(timeout=...) just stops waiting; unfinished tasks keep running
    tasks = [asyncio.create_task(do_some_work(x), name=f"work-{x}") for x in (0.5, 3)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print(f"{now()} after wait: {len(done)} done, {len(pending)} pending")
    for task in pending:
        task.cancel()  # it is up to us to stop them
    await asyncio.gather(*pending, return_exceptions=True)

    # 2. wait_for(): a timeout for one awaitable; it cancels it and raises
    try:
        await asyncio.wait_for(do_some_work(3), timeout=1)
    except TimeoutError:
        print(f"{now()} wait_for timed out")

    # 3. Python 3.11+: asyncio.timeout() limits a whole block
    try:
        async with asyncio.timeout(0.5):
            await do_some_work(0.2)
            await do_some_work(3)
    except TimeoutError:
        print(f"{now()} the block timed out")


asyncio.run(main())
