# Putting it together: a queue of URLs, a fixed number of workers, a timeout per
# page, and failures that don't stop the others.
import asyncio
import time

URLS = ["/", "/1", "/slow", "/2", "/3", "/missing", "/4", "/5", "/6", "/7"]
WORKERS = 3
TIMEOUT = 1.0  # seconds allowed per page


async def website(reader, writer):
    """The stand-in website: /slow takes 5 s, /missing does not exist."""
    request = await reader.readuntil(b"\r\n\r\n")
    path = request.split()[1].decode()
    try:  # wait before answering, but stop early if the client hangs up
        await asyncio.wait_for(reader.read(), timeout=5 if path == "/slow" else 0.2)
        writer.close()  # read() returned: the client is gone
        return
    except TimeoutError:
        pass  # the client is still waiting: answer it
    if path == "/missing":
        writer.write(b"HTTP/1.0 404 Not Found\r\n\r\n")
    else:
        writer.write(b"HTTP/1.0 200 OK\r\n\r\n" + b"<p>hello</p>" * 100)
    await writer.drain()
    writer.close()


async def fetch(url, address):
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(f"GET {url} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode("ascii"))
        await writer.drain()
        response = await reader.read()
    finally:
        writer.close()  # also runs when a timeout cancels us mid-read
    status = response.split(b"\r\n", 1)[0].decode()
    if " 200 " not in status:
        raise RuntimeError(status)
    return len(response)


async def worker(queue, address, results):
    while True:
        url = await queue.get()
        try:
            async with asyncio.timeout(TIMEOUT):
                results[url] = f"{await fetch(url, address)} bytes"
        except TimeoutError:
            results[url] = "timed out"
        except Exception as e:  # one bad page must not kill the worker
            results[url] = f"failed: {e}"
        finally:
            queue.task_done()


async def main():
    server = await asyncio.start_server(website, "127.0.0.1", 0)
    address = server.sockets[0].getsockname()
    queue = asyncio.Queue()
    for url in URLS:
        queue.put_nowait(url)
    results = {}

    start = time.perf_counter()
    workers = [asyncio.create_task(worker(queue, address, results), name=f"worker-{i}")
               for i in range(1, WORKERS + 1)]
    await queue.join()  # returns when every URL has been marked task_done()
    elapsed = time.perf_counter() - start
    for w in workers:
        w.cancel()  # they wait forever on queue.get(): stop them
    await asyncio.gather(*workers, return_exceptions=True)
    server.close()

    for url in URLS:
        print(f"{url:9} {results[url]}")
    print(f"{len(URLS)} pages, {WORKERS} workers, {elapsed:.1f} s")


asyncio.run(main())
