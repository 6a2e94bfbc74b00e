# A task's life: pending -> done (or cancelled).
import asyncio


def state(fut):
    """The state of a Task or Future, in words."""
    if fut.cancelled():
        return "cancelled"
    if fut.done():
        return "done"
    return "pending"


async def do_some_work(x):
    print("waiting:", x)
    await asyncio.sleep(x)
    return f"done after {x}s"


async def main():
    task = asyncio.create_task(do_some_work(1), name="work-1")
    print(task.get_name(), "is", state(task), "(created, not started yet)")
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("result() too early:", e)

    await asyncio.sleep(0)  # give the loop one round: the task starts
    print(task.get_name(), "is", state(task), "(started, now waiting on sleep)")

    print("await returns:", await task)
    print(task.get_name(), "is", state(task), "->", task.result())

    slow = asyncio.create_task(do_some_work(5), name="work-5")
    await asyncio.sleep(0.1)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print(slow.get_name(), "is", state(slow))

    print("a Task is a Future:", isinstance(task, asyncio.Future))


asyncio.run(main())
