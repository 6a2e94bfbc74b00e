# Every clock the program can read agrees with the others.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = (time.perf_counter(), time.monotonic(), time.time(), loop.time(), time.monotonic_ns())
    await asyncio.sleep(0.4)
    time.sleep(0.2)
    t1 = (time.perf_counter(), time.monotonic(), time.time(), loop.time(), time.monotonic_ns())
    print(f"perf_counter {t1[0] - t0[0]:.1f}")
    print(f"monotonic {t1[1] - t0[1]:.1f}")
    print(f"time {t1[2] - t0[2]:.1f}")
    print(f"loop.time {t1[3] - t0[3]:.1f}")
    print(f"monotonic_ns {(t1[4] - t0[4]) / 1e9:.1f}")
    print("epoch looks real:", time.time() > 1.6e9)


asyncio.run(main())
