# Warnings printed while the interpreter shuts down: a never-awaited coroutine in a
# global and a pending task destroyed with its loop.
import asyncio

async def forever():
    await asyncio.sleep(3600)

async def main():
    global pending
    pending = asyncio.create_task(forever())
    await asyncio.sleep(0.01)

c = asyncio.sleep(1)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("end of module")
