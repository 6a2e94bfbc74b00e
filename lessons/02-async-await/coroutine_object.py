# Calling an async function does not run it: it returns a coroutine object.
import asyncio
import inspect


async def do_some_work(x):
    print("waiting:", x)
    return x * 2


coro = do_some_work(2)  # nothing is printed yet
print("type:", type(coro).__name__)
print("is a coroutine:", inspect.iscoroutine(coro))
print("is awaitable:", inspect.isawaitable(coro))
print("now run it...")
result = asyncio.run(coro)  # the event loop runs it to the end
print("result:", result)
