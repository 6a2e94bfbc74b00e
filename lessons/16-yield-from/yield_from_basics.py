# yield from: delegate to a sub-generator, get its return value, pass send() through.


# 1. Delegating: `yield from x` yields everything x yields (x: any iterable).
def chain(*iterables):
    for it in iterables:
        yield from it  # instead of: for item in it: yield item


print(list(chain("ab", [1, 2], range(3))))


# 2. The return value: yield from catches StopIteration and gives you its .value.
def read_three():
    """A sub-generator: receives three values via send(), returns their sum."""
    total = 0
    for _ in range(3):
        value = yield f"give me a number (total so far {total})"
        total += value
    return total


def outer():
    while True:
        result = yield from read_three()  # 3. send() goes straight through to it
        print("outer got the sub-generator's result:", result)


gen = outer()
print(next(gen))  # primes outer, which primes read_three
for number in [1, 2, 3, 10, 20, 30]:
    print(gen.send(number))  # outer never sees these: yield from forwards them
