# A generator can pause at yield, hand a value out, and receive one back with send().


def coroutine_example(name):
    print("start coroutine... name:", name)
    x = yield name  # next(): hand out `name`, pause; send(v): resume with x = v
    print("send value:", x)
    return "finished"


coro = coroutine_example("Zarten")
print("next() returned:", next(coro))  # runs up to the first yield
try:
    coro.send(6)  # resumes; the generator then ends...
except StopIteration as stop:  # ...which send() reports as StopIteration
    print("the generator returned:", stop.value)


def averager():
    """A running average: send numbers in, get the average so far back."""
    total, count, average = 0, 0, None
    while True:
        try:
            value = yield average
        except ValueError:  # throw() raises an exception at the yield
            print("averager: bad value thrown in, ignoring it")
            continue
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)  # "prime" it: run to the first yield
print(avg.send(10))
print(avg.send(20))
print(avg.throw(ValueError))
print(avg.send(60))
avg.close()  # raises GeneratorExit at the yield; the generator ends
print("closed:", avg.gi_frame is None)
