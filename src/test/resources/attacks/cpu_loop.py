# Attack: spin the CPU forever.
# Containment: RLIMIT_CPU sends SIGXCPU after the CPU allowance; the run ends
#   with reason "cpu". Runs are niced, so the server stays responsive.
# expect-reason: cpu
while True:
    pass
