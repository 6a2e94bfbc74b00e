# Driving an event loop by hand: what asyncio.run() does for you.
import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)
    print("World")


loop = asyncio.new_event_loop()  # a fresh loop; not get_event_loop()
try:
    loop.call_soon(print, "a plain callback, run as soon as possible")
    loop.call_later(0.5, print, "another callback, 0.5 s later")
    task = loop.create_task(hello(), name="hello")
    loop.run_until_complete(task)  # run the loop until the task is done
    print("task done:", task.done())
finally:
    loop.close()
