# Seed: get_event_loop + create_task + run_until_complete, printing the task itself.
import asyncio
import time

now = lambda: time.time()


async def do_some_work(x):
    print("waiting: ", x)

start = now()
coroutine = do_some_work(2)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
task = loop.create_task(coroutine)
print(task)
loop.run_until_complete(task)
print(task)
print('TIME: ', round(now() - start, 1))
loop.close()
