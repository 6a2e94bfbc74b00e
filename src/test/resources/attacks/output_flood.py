# Attack: print without end to fill the server's memory and the browser.
# Containment: the server stops the run at the output limit (1 MiB), keeping
#   what came so far.
# expect-reason: output
line = "flood " * 2500  # 15 KB lines: the limit comes fast even when the run gets little CPU
while True:
    print(line)
