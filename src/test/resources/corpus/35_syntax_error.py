# A syntax error: no traceback frames, just the offending line.
print("this never runs")
def broken(:
    pass
