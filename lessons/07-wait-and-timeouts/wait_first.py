# FIRST_COMPLETED: handle each task as soon as it finishes.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def do_some_work(x):
    await asyncio.sleep(x)
    return f"done after {x}s"


async def main():
    pending = {
        asyncio.create_task(do_some_work(x), name=f"work-{x}") for x in (2, 0.5, 1)
    }
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            print(f"{now()} {task.get_name()}: {task.result()} ({len(pending)} left)")

    print("the same with as_completed():")
    coros = [do_some_work(x) for x in (2, 0.5, 1)]
    for next_done in asyncio.as_completed(coros):
        print(f"{now()} {await next_done}")


asyncio.run(main())
