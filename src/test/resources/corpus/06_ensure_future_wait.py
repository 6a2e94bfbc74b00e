# Seed: ensure_future + asyncio.wait, run with run_until_complete.
import asyncio
import time

now = lambda: time.time()


async def do_some_work(x):
    print('waiting:', x)
    await asyncio.sleep(x / 4)
    return 'done after {}s'.format(x)


async def main():
    tasks = [asyncio.ensure_future(do_some_work(x)) for x in (1, 2, 4)]
    dones, pendings = await asyncio.wait(tasks)
    for result in sorted(task.result() for task in dones):
        print("task ret:", result)

start = now()
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("time:", round(now() - start, 1))
loop.close()
