# Several tasks depend on one: create it once as a Task, let them all await it.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"{time.perf_counter() - start:.1f}s"


async def fetch_config():
    print(now(), "fetching config (this happens once)")
    await asyncio.sleep(1)
    return {"retries": 3}


async def worker(name, config_task, work_time):
    print(now(), name, "waits for the config")
    config = await config_task  # a Task can be awaited many times, by many tasks
    print(now(), name, "got", config, "and starts working")
    await asyncio.sleep(work_time)
    return f"{name} done"


async def main():
    config_task = asyncio.create_task(fetch_config(), name="config")
    workers = [
        asyncio.create_task(worker(f"worker-{i}", config_task, i / 2), name=f"worker-{i}")
        for i in (1, 2, 3)
    ]
    print(await asyncio.gather(*workers))
    print(now(), "config was fetched once:", config_task.result())


asyncio.run(main())
