# Step 7 of the history: the crawler in async/await, with asyncio's own loop.
import asyncio
import time

DELAY = 0.2


async def website(reader, writer):
    """The stand-in website, now running in the same event loop as the crawler."""
    await reader.readuntil(b"\r\n\r\n")  # the request
    await asyncio.sleep(DELAY)
    writer.write(b"HTTP/1.0 200 OK\r\n\r\n" + b"<p>hello</p>" * 1000)
    await writer.drain()
    writer.close()


async def fetch(url, address):
    reader, writer = await asyncio.open_connection(*address)  # connect, and wait
    get = "GET {0} HTTP/1.0\r\nHost: www.xxx.com\r\n\r\n".format(url)
    writer.write(get.encode("ascii"))
    await writer.drain()
    response = await reader.read()  # read until the server closes the connection
    writer.close()
    await writer.wait_closed()
    print(f"{url:3} {len(response)} bytes")
    return response


async def main():
    server = await asyncio.start_server(website, "127.0.0.1", 0, backlog=100)
    address = server.sockets[0].getsockname()
    async with server:
        start = time.perf_counter()
        urls = ["/", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"]
        pages = await asyncio.gather(
            *(asyncio.create_task(fetch(url, address), name=f"fetch {url}") for url in urls)
        )
        print(f"{len(pages)} pages in {time.perf_counter() - start:.2f} s")


asyncio.run(main())
