# Attack: print without end to fill the server's memory and the browser.
# Containment: the server stops the run at the output limit (1 MiB), keeping
#   what came so far.
# expect-reason: output
line = "flood " * 20
while True:
    print(line)
