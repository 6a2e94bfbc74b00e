# Five hello() coroutines on one event loop (the notes' example, fixed).
import asyncio
import time

START = time.perf_counter()


def now():
    """Seconds since the program started, rounded so every run prints the same."""
    return f"{time.perf_counter() - START:.1f}"


async def hello(i):
    print(f"Hello World {i}: {now()}")
    await asyncio.sleep(1)
    print(f"Hello wow World {i}: {now()}")


async def main():
    await asyncio.gather(*(hello(i) for i in range(5)))


if __name__ == "__main__":
    asyncio.run(main())
