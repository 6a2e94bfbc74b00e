# Step 6 of the history: the crawler split into small coroutines joined with yield from.
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
    def __init__(self):
        self.result = None
        self._callbacks = []

    def add_done_callback(self, fn):
        self._callbacks.append(fn)

    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)

    def __iter__(self):
        """Makes `result = yield from future` work: hand ourselves to the Task,
        and when resumed, return the result."""
        yield self
        return self.result


class Task:
    def __init__(self, coro):
        self.coro = coro
        f = Future()
        f.set_result(None)
        self.step(f)

    def step(self, future):
        try:
            next_future = self.coro.send(future.result)
        except StopIteration:
            return
        next_future.add_done_callback(self.step)


def connect(sock, address):
    f = Future()
    sock.setblocking(False)
    try:
        sock.connect(address)
    except BlockingIOError:
        pass
    selector.register(sock.fileno(), EVENT_WRITE, lambda: f.set_result(None))
    yield from f
    selector.unregister(sock.fileno())


def read(sock):
    f = Future()
    selector.register(sock.fileno(), EVENT_READ, lambda: f.set_result(sock.recv(4096)))
    chunk = yield from f  # the value Future.__iter__ returns
    selector.unregister(sock.fileno())
    return chunk


def read_all(sock):
    response = []
    chunk = yield from read(sock)
    while chunk:
        response.append(chunk)
        chunk = yield from read(sock)
    return b"".join(response)


class Crawler:
    def __init__(self, url):
        self.url = url
        self.response = b""

    def fetch(self):
        global stopped
        sock = socket.socket()
        yield from connect(sock, ADDRESS)
        get = "GET {0} HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n".format(self.url)
        sock.send(get.encode("ascii"))
        self.response = yield from read_all(sock)
        sock.close()
        print(f"{self.url:3} {len(self.response)} bytes")
        urls_todo.remove(self.url)
        if not urls_todo:
            stopped = True


def loop():
    while not stopped:
        events = selector.select()
        for event_key, event_mask in events:
            callback = event_key.data
            callback()


if __name__ == "__main__":
    start = time.perf_counter()
    for url in urls_todo:
        Task(Crawler(url).fetch())
    loop()
    print(f"{time.perf_counter() - start:.2f} s")
