# Using every core with coroutines: one event loop per process.
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor


async def io_job(i):
    await asyncio.sleep(0.5)  # stands for a slow network call
    return i


async def handle_batch(batch):
    return await asyncio.gather(*(io_job(i) for i in batch))


def worker(batch):
    """Runs in a child process, with an event loop of its own."""
    results = asyncio.run(handle_batch(batch))
    return os.getpid(), results


if __name__ == "__main__":
    batches = [list(range(0, 50)), list(range(50, 100))]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(worker, batches))
    pids = {pid for pid, _ in outcomes}
    done = sum(len(results) for _, results in outcomes)
    print(f"{done} jobs in {len(pids)} processes took {time.perf_counter() - start:.1f} s")
