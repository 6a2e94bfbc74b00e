# yield from: delegating to a sub-generator and getting its return value.
def averager():
    total, count, average = 0.0, 0, None
    while True:
        term = yield
        if term is None:
            return count, average
        total += term
        count += 1
        average = total / count


def grouper(results, key):
    while True:
        results[key] = yield from averager()


def main(data):
    results = {}
    for key, values in data.items():
        group = grouper(results, key)
        next(group)
        for value in values:
            group.send(value)
        group.send(None)
    for key in sorted(results):
        count, average = results[key]
        print(f"{count:2} {key:5} averaging {average:.2f}")


def chain(*iterables):
    for it in iterables:
        yield from it


main({"girls": [40.9, 38.5, 44.3], "boys": [39.0, 40.8, 43.2, 40.8]})
print(list(chain("ab", range(3))))
