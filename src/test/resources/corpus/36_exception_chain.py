# Chained exceptions and an exception group escaping a TaskGroup.
import asyncio


def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError(f"cannot parse {text!r}") from exc


async def check(text):
    await asyncio.sleep(0.01)
    return parse(text)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(check("12"))
        tg.create_task(check("x"))


asyncio.run(main())
