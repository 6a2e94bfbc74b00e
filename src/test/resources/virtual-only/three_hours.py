# Three hours of sleeping: in virtual time it ends in well under a second of wall
# time and still measures 10800 s. (Not in the corpus: plain Python would take 3 h.)
import asyncio, time


async def nap(hours):
    await asyncio.sleep(hours * 3600)


async def main():
    start = time.perf_counter()
    await asyncio.gather(nap(1), nap(2))
    time.sleep(3600)
    print(f"elapsed {time.perf_counter() - start:.0f} s")

asyncio.run(main())
