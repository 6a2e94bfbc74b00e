# Reading a finished task: result(), exception(), and when they raise.
import asyncio


async def ok():
    await asyncio.sleep(0.1)
    return 42


async def fails():
    await asyncio.sleep(0.1)
    raise KeyError("missing")


async def main():
    good = asyncio.create_task(ok(), name="ok")
    bad = asyncio.create_task(fails(), name="fails")
    await asyncio.wait([good, bad])  # wait for both; never raises their errors

    print("good.result() =", good.result())
    print("good.exception() =", good.exception())
    print("bad.exception() =", repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("bad.result() raised KeyError", e)


asyncio.run(main())
