# Step 4 of the history: let the OS tell us what is ready (selectors), and react with callbacks.
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
selector = DefaultSelector()  # epoll on Linux: the best the OS offers
stopped = False
urls_todo = {"/", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"}


class Crawler:
    def __init__(self, url):
        self.url = url
        self.sock = None
        self.response = b""

    def fetch(self):
        self.sock = socket.socket()
        self.sock.setblocking(False)
        try:
            self.sock.connect(ADDRESS)
        except BlockingIOError:
            pass
        # "call self.connected when this socket becomes writable (= connected)"
        selector.register(self.sock.fileno(), EVENT_WRITE, self.connected)

    def connected(self, key, mask):
        selector.unregister(key.fd)
        get = "GET {0} HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n".format(self.url)
        self.sock.send(get.encode("ascii"))  # a short request fits in one send
        selector.register(key.fd, EVENT_READ, self.read_response)

    def read_response(self, key, mask):
        global stopped
        chunk = self.sock.recv(4096)  # the notes had self.sock.read: no such method
        if chunk:
            self.response += chunk
        else:  # b"": the server closed the connection, the page is complete
            selector.unregister(key.fd)
            self.sock.close()
            print(f"{self.url:3} {len(self.response)} bytes")
            urls_todo.remove(self.url)
            if not urls_todo:
                stopped = True


def loop():
    """The event loop: wait for events, run their callbacks, repeat."""
    while not stopped:
        events = selector.select()
        for event_key, event_mask in events:
            callback = event_key.data
            callback(event_key, event_mask)


if __name__ == "__main__":
    start = time.perf_counter()
    for url in urls_todo:
        crawler = Crawler(url)
        crawler.fetch()
    loop()
    print(f"{time.perf_counter() - start:.2f} s")
