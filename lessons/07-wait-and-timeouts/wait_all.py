# asyncio.wait(): wait for a group of tasks, get back (done, pending) sets.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def do_some_work(x):
    print("waiting:", x)
    await asyncio.sleep(x)
    return f"done after {x}s"


async def main():
    tasks = [
        asyncio.ensure_future(do_some_work(1)),
        asyncio.ensure_future(do_some_work(2)),
        asyncio.ensure_future(do_some_work(4)),
    ]
    done, pending = await asyncio.wait(tasks)  # default: ALL_COMPLETED
    print(f"{now()}: {len(done)} done, {len(pending)} pending")
    for task in tasks:  # not `for task in done`: a set has no useful order
        print("task ret:", task.result())


asyncio.run(main())
print("time:", now())
