# Half a second of sleeping (0.3 s awaited, 0.2 s blocking), printed unrounded:
# virtual time must measure it within 20 ms, real time within 100 ms of plain Python.
import asyncio, time


async def main():
    start = time.perf_counter()
    await asyncio.sleep(0.3)
    time.sleep(0.2)
    print(time.perf_counter() - start)

asyncio.run(main())
