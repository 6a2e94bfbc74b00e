# Chaining coroutines: part2 needs part1's result (the notes' random.seed(444) example).
# The notes slept randint(0, 10) whole seconds; tenths of a second keep the run short.
import asyncio
import random
import time


async def part1(n):
    i = random.randint(0, 10) / 10
    print(f"part1({n}) sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result


async def part2(n, arg):
    i = random.randint(0, 10) / 10
    print(f"part2{n, arg} sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result


async def chain(n):
    start = time.perf_counter()
    p1 = await part1(n)      # first this...
    p2 = await part2(n, p1)  # ...then this, which needs p1
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2} (took {end:0.1f} seconds).")


async def main(*args):
    await asyncio.gather(*(chain(n) for n in args))


if __name__ == "__main__":
    random.seed(444)  # the same "random" numbers on every run
    args = [9, 6, 3]
    start = time.perf_counter()
    asyncio.run(main(*args))
    end = time.perf_counter() - start
    print(f"Program finished in {end:0.1f} seconds.")
