# Step 5 of the history: generator coroutines + Future + Task + event loop, built by hand.
import socket
import time
from selectors import DefaultSelector, EVENT_READ, EVENT_WRITE

# --- a stand-in for the slow website (you don't need to read this part yet) ---
import asyncio
import concurrent.futures
import threading

DELAY = 0.2  # every page takes 0.2 s to arrive, like a slow network


def start_server():
    """Serve pages on 127.0.0.1 from a background thread; return (host, port)."""
    async def handle(reader, writer):
        await reader.readuntil(b"\r\n\r\n")  # the request
        await asyncio.sleep(DELAY)
        writer.write(b"HTTP/1.0 200 OK\r\n\r\n" + b"<p>hello</p>" * 1000)
        await writer.drain()
        writer.close()

    async def serve(started):
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=100)
        started.set_result(server.sockets[0].getsockname())
        await server.serve_forever()

    started = concurrent.futures.Future()
    threading.Thread(target=asyncio.run, args=(serve(started),),
                     name="web-server", daemon=True).start()
    return started.result()
# --- end of the stand-in website ---

ADDRESS = start_server()
selector = DefaultSelector()
stopped = False
urls_todo = {"/", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"}


class Future:
    """A box for a result that arrives later, plus who to tell when it does."""

    def __init__(self):
        self.result = None
        self._callbacks = []

    def add_done_callback(self, fn):
        self._callbacks.append(fn)

    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)


class Crawler:
    def __init__(self, url):
        self.url = url
        self.response = b""

    def fetch(self):
        """Reads top to bottom like blocking code; each yield is a wait."""
        global stopped
        sock = socket.socket()
        sock.setblocking(False)
        try:
            sock.connect(ADDRESS)
        except BlockingIOError:
            pass
        f = Future()

        def on_connected():
            f.set_result(None)

        selector.register(sock.fileno(), EVENT_WRITE, on_connected)
        yield f  # pause until connected
        selector.unregister(sock.fileno())

        get = "GET {0} HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n".format(self.url)
        sock.send(get.encode("ascii"))

        while True:
            f = Future()

            def on_readable():
                f.set_result(sock.recv(4096))

            selector.register(sock.fileno(), EVENT_READ, on_readable)
            chunk = yield f  # pause until data; resume with the data
            selector.unregister(sock.fileno())
            if chunk:
                self.response += chunk
            else:
                sock.close()
                print(f"{self.url:3} {len(self.response)} bytes")
                urls_todo.remove(self.url)
                if not urls_todo:
                    stopped = True
                break


class Task:
    """Drives a generator coroutine: sends each Future's result back into it."""

    def __init__(self, coro):
        self.coro = coro
        f = Future()
        f.set_result(None)
        self.step(f)  # start it: send(None) runs it to its first yield

    def step(self, future):
        try:
            next_future = self.coro.send(future.result)
        except StopIteration:
            return  # the coroutine has finished
        next_future.add_done_callback(self.step)  # resume when that one is done


def loop():
    while not stopped:
        events = selector.select()
        for event_key, event_mask in events:
            callback = event_key.data
            callback()  # unlike lesson 13, callbacks take no arguments now


if __name__ == "__main__":
    start = time.perf_counter()
    for url in urls_todo:
        crawler = Crawler(url)
        Task(crawler.fetch())
    loop()
    print(f"{time.perf_counter() - start:.2f} s")
