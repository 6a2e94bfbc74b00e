# Submitting coroutines to a loop in another thread, and getting their results back.
import asyncio
import concurrent.futures
import threading


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done after {delay}s"


loop = asyncio.new_event_loop()
t = threading.Thread(target=loop.run_forever, name="loop-thread", daemon=True)  # daemon: never keeps the program alive
t.start()

futures = [
    asyncio.run_coroutine_threadsafe(fetch(f"job{i}", d), loop)
    for i, d in enumerate([0.3, 0.1, 0.2])
]
print("submitted 3 coroutines; the main thread carries on")
print("a concurrent.futures.Future:", isinstance(futures[0], concurrent.futures.Future))
for f in futures:
    print(f.result(timeout=2))  # blocks the main thread only; the loop keeps going

late = asyncio.run_coroutine_threadsafe(fetch("late job", 0.1), loop)  # add more any time
print(late.result(timeout=2))

loop.call_soon_threadsafe(loop.stop)
t.join()
loop.close()
