# Lock, Event, Semaphore and Condition.
import asyncio


async def use_lock(name, lock, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.05)
        log.append(f"{name} out")


async def waiter(event):
    print("waiting for the event")
    await event.wait()
    print("event seen")


async def limited(n, sem):
    async with sem:
        print("start", n)
        await asyncio.sleep(0.1)
        print("end", n)


async def main():
    lock, log = asyncio.Lock(), []
    await asyncio.gather(*(use_lock(n, lock, log) for n in "abc"))
    print(log)
    event = asyncio.Event()
    task = asyncio.create_task(waiter(event))
    await asyncio.sleep(0.1)
    event.set()
    await task
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(n, sem) for n in range(4)))
    cond = asyncio.Condition()

    async def consumer():
        async with cond:
            await cond.wait()
            print("condition notified")

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify_all()
    await c


asyncio.run(main())
