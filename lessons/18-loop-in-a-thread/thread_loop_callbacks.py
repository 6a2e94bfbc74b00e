# An event loop running forever in its own thread; the main thread hands it callbacks.
import asyncio
import sys
import threading


def log(*parts):
    """print() writes the text and the newline separately, so lines from two
    threads can get mixed up; one write per line keeps them whole."""
    sys.stdout.write(" ".join(map(str, parts)) + "\n")


def start_thread_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()  # runs until someone calls loop.stop()


def thread_example(name):
    log("running:", name, "in", threading.current_thread().name)
    return "result: " + name  # call_soon_threadsafe throws this value away


new_loop = asyncio.new_event_loop()
t = threading.Thread(target=start_thread_loop, args=(new_loop,), name="loop-thread")
t.start()

handle = new_loop.call_soon_threadsafe(thread_example, "Zarten1")
handle.cancel()  # usually in time, but not guaranteed: the loop may have run it already

new_loop.call_soon_threadsafe(thread_example, "Zarten2")
log("the main thread is not blocked")
new_loop.call_soon_threadsafe(thread_example, "Zarten3")
# call_later is not thread-safe itself: ask the loop's thread to call it
new_loop.call_soon_threadsafe(new_loop.call_later, 0.5, thread_example, "Zarten4")
log("still running...")

threading.Event().wait(1)  # the main thread does other work for a second
new_loop.call_soon_threadsafe(new_loop.stop)  # the notes never stopped the loop
t.join()
new_loop.close()
log("loop stopped, program ends")
