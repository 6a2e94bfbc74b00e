# Step 1 of the history: blocking sockets, one page after another.
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

ADDRESS = start_server()  # the notes used ('www.xxx.com', 80)


def blocking_way():
    sock = socket.socket()
    sock.connect(ADDRESS)  # blocks until connected
    request = "GET / HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n"
    sock.sendall(request.encode("ascii"))  # sendall: send() may send only part
    response = b""
    chunk = sock.recv(4096)  # blocks until data arrives
    while chunk:
        response += chunk
        chunk = sock.recv(4096)
    sock.close()
    return response


def sync_way():
    res = []
    for i in range(10):
        res.append(blocking_way())
    return len(res)


if __name__ == "__main__":
    start = time.perf_counter()
    pages = sync_way()
    print(f"sync_way: {pages} pages in {time.perf_counter() - start:.2f} s")
