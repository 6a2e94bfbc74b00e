# TaskGroup (3.11+): named children, a failing one cancels its siblings.
import asyncio


async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 0.1), name="worker-a")
        b = tg.create_task(worker("b", 0.2), name="worker-b")
    print("results:", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("c", 0.1, fail=True))
            tg.create_task(worker("d", 1.0))
    except* ValueError as group:
        print("caught:", [str(e) for e in group.exceptions])


asyncio.run(main())
