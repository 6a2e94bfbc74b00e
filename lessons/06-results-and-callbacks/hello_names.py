# gather() returns the coroutines' return values as a list (note 004's example, fixed).
import asyncio
import threading


async def hello(name):
    # current_thread() needs the parentheses: without them you print the function
    print("Hello %s! (%s)" % (name, threading.current_thread().name))
    await asyncio.sleep(1)
    print("Hello %s again! (%s)" % (name, threading.current_thread().name))
    return name


async def main():
    L = await asyncio.gather(hello("Bob"), hello("Alice"))
    print(L)


asyncio.run(main())
