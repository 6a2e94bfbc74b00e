# Low-level loop socket API over a socketpair: sock_sendall / sock_recv.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)

    async def reader():
        data = await loop.sock_recv(b, 100)
        print("received", data)

    task = asyncio.create_task(reader())
    await asyncio.sleep(0.1)
    await loop.sock_sendall(a, b"hello over a socketpair")
    await task
    a.close()
    b.close()


asyncio.run(main())
