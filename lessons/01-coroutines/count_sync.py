# Synchronous: each count() runs to its end before the next one starts.
import os
import time


def count():
    print("One")
    time.sleep(1)  # blocks the whole program for 1 second
    print("Two")


def main():
    for _ in range(3):
        count()


if __name__ == "__main__":
    s = time.perf_counter()
    main()
    elapsed = time.perf_counter() - s
    print(f"{os.path.basename(__file__)} executed in {elapsed:0.1f} seconds.")
