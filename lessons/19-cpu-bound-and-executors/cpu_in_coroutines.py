# Pure computation gains nothing from coroutines: there is nothing to wait for.
import asyncio
import time


def crunch(n):
    """CPU-bound work: no I/O, no waiting, just computing."""
    total = 0
    for i in range(n):
        total += i * i
    return total


async def crunch_async(n):
    return crunch(n)  # nothing to await: it never gives up control


async def tiny():
    return 1


async def main():
    n, jobs = 2_000_000, 4

    t = time.perf_counter()
    [crunch(n) for _ in range(jobs)]
    print(f"plain loop:          {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    await asyncio.gather(*(crunch_async(n) for _ in range(jobs)))
    print(f"gather of coroutines: {time.perf_counter() - t:.2f} s  (no faster)")

    # and coroutines have a cost of their own:
    t = time.perf_counter()
    sum(1 for _ in range(20_000))
    print(f"20000 plain steps:   {time.perf_counter() - t:.4f} s")
    t = time.perf_counter()
    await asyncio.gather(*(tiny() for _ in range(20_000)))
    print(f"20000 tiny tasks:    {time.perf_counter() - t:.4f} s")


asyncio.run(main())
