# There is a running loop only while asyncio.run() (or run_until_complete) runs.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside a coroutine:", e)


async def main():
    loop = asyncio.get_running_loop()
    print("inside main(): loop is running:", loop.is_running())
    print("get_event_loop() gives the same loop:", asyncio.get_event_loop() is loop)
    await asyncio.sleep(0)


asyncio.run(main())
