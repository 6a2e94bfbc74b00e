# Cancelling a task and catching CancelledError.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("sleeper: cancelled, cleaning up")
        raise
    finally:
        print("sleeper: finally")


async def main():
    task = asyncio.create_task(sleeper(), name="sleeper")
    await asyncio.sleep(0.1)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError as exc:
        print("main: task cancelled:", task.cancelled(), exc.args)


asyncio.run(main())
