# A Future is an empty box: someone fills it later, whoever awaits it gets the value.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    box = loop.create_future()
    box.add_done_callback(lambda f: print("callback sees:", f.result()))

    loop.call_later(1, box.set_result, 42)  # in 1 s, someone fills the box
    print("box done?", box.done())
    print("waiting for the box...")
    value = await box
    print("got", value, "- box done?", box.done())


asyncio.run(main())
