# Seed: the synchronous count (time.sleep blocks; no event loop at all).
import time


def count():
    print("One")
    time.sleep(0.5)
    print("Two")


def main():
    for _ in range(3):
        count()


if __name__ == '__main__':
    s = time.perf_counter()
    main()
    elapsed = time.perf_counter() - s
    print(f'{__file__} executed in {elapsed:0.1f}seconds.')
