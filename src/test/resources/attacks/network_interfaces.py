# Attack: look for a network interface to leave by (eth0, docker0, wlan0) and
#   for the host's addresses.
# Containment: a fresh network namespace holds only the loopback "lo"; there
#   is no /sys to inspect.
# expect-reason: ok
# expect-stdout: contained
import socket

names = [name for _, name in socket.if_nameindex()]
print("interfaces:", names)
escaped = names != ["lo"]
if escaped:
    print("ESCAPED: interfaces", names)
try:
    with open("/proc/net/dev") as f:
        devices = [line.split(":")[0].strip() for line in f.readlines()[2:]]
    print("proc/net/dev:", devices)
    if devices != ["lo"]:
        print("ESCAPED: devices", devices)
        escaped = True
except OSError as e:
    print("no /proc/net/dev", type(e).__name__)
if not escaped:
    print("contained")
