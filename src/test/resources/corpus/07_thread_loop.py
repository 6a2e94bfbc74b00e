# Seed: an event loop running forever in another thread, fed with call_soon_threadsafe
# and run_coroutine_threadsafe (stopped at the end so the program exits).
import asyncio
import threading
from threading import Thread


def start_thread_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()


def thread_example(name):
    print('running name:', name, threading.current_thread().name)
    return 'result: ' + name


async def double(x):
    await asyncio.sleep(0.1)
    return x * 2


new_loop = asyncio.new_event_loop()
t = Thread(target=start_thread_loop, args=(new_loop,), name="loop-thread")
# Cancelled before the thread starts: in the seed, the loop thread could run it first.
handle = new_loop.call_soon_threadsafe(thread_example, 'Zarten1')
handle.cancel()
t.start()
done = threading.Event()
new_loop.call_soon_threadsafe(lambda: (thread_example('Zarten2'), done.set()))
done.wait()
print('main thread is not blocked')
future = asyncio.run_coroutine_threadsafe(double(21), new_loop)
print('double:', future.result(timeout=5))
new_loop.call_soon_threadsafe(new_loop.stop)
t.join()
new_loop.close()
print('still running...')
