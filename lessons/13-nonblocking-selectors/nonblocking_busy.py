# Step 3 of the history: non-blocking sockets, polled in a busy loop.
import socket
import time

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
attempts = 0  # how many times we asked "ready yet?" and got "no"


def nonblocking_way():
    global attempts
    sock = socket.socket()
    sock.setblocking(False)
    try:
        sock.connect(ADDRESS)
    except BlockingIOError:  # "in progress": connecting goes on in the background
        pass
    request = "GET / HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n"  # the notes lacked the ':'
    data = request.encode("ascii")
    while True:
        try:
            sock.send(data)  # fails until the connection is up
            break
        except OSError:
            attempts += 1
    response = b""
    while True:
        try:
            chunk = sock.recv(4096)  # fails with BlockingIOError until data is there
            while chunk:
                response += chunk
                chunk = sock.recv(4096)
            break
        except OSError:
            attempts += 1
    sock.close()
    return response


def sync_way():
    res = []
    for i in range(10):
        res.append(nonblocking_way())
    return len(res)


if __name__ == "__main__":
    start = time.perf_counter()
    cpu_start = time.process_time()
    pages = sync_way()
    print(f"sync_way: {pages} pages in {time.perf_counter() - start:.2f} s")
    print(f"CPU time used: {time.process_time() - cpu_start:.2f} s")
    print(f"'not ready yet' answers: {attempts}")
