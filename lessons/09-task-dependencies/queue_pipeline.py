# A consumer that depends on a producer's items: connect them with asyncio.Queue.
import asyncio


async def producer(queue):
    for n in range(1, 6):
        await asyncio.sleep(0.2)  # making an item takes 0.2 s
        print(f"[PRODUCER] Producing {n}...")
        await queue.put(n)
    await queue.put(None)  # a sentinel: nothing more will come


async def consumer(queue):
    while True:
        n = await queue.get()  # waits until an item is there
        if n is None:
            break
        print(f"[CONSUMER] Consuming {n}...")
        await asyncio.sleep(0.35)  # using an item takes 0.35 s
    print("[CONSUMER] done")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(
        asyncio.create_task(producer(queue), name="producer"),
        asyncio.create_task(consumer(queue), name="consumer"),
    )


asyncio.run(main())
