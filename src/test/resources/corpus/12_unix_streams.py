# Unix-socket streams: an echo server in the work dir and two clients.
import asyncio
import os

PATH = "echo.sock"


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, words):
    reader, writer = await asyncio.open_unix_connection(PATH)
    for word in words:
        writer.write(f"{name}: {word}\n".encode())
        await writer.drain()
        print((await reader.readline()).decode().strip())
        await asyncio.sleep(0.05)
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_unix_server(handle, PATH)
    async with server:
        await asyncio.gather(client("a", ["one", "two"]), client("b", ["three"]))
    os.unlink(PATH)
    print("server closed")


asyncio.run(main())
