# Producer/consumer with asyncio.Queue and named workers.
import asyncio


async def producer(queue):
    for i in range(6):
        await queue.put(i)
        print("put", i)
        await asyncio.sleep(0.05)
    for _ in range(2):
        await queue.put(None)


async def worker(name, queue):
    while (item := await queue.get()) is not None:
        print(f"{name} got {item}")
        await asyncio.sleep(0.12)
        queue.task_done()
    queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"worker-{n}", queue), name=f"worker-{n}") for n in (1, 2)]
    await producer(queue)
    await queue.join()
    await asyncio.gather(*workers)
    print("all done")


asyncio.run(main())
