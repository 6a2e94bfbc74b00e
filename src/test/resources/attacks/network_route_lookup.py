# Attack: find a route out. A UDP connect() asks the kernel for a route and
#   sends nothing, so it proves reachability without a packet. Also try to
#   resolve a public name (needs DNS) and open TCP to a TEST-NET address.
# Containment: every destination outside the loopback is unreachable
#   (ENETUNREACH); names resolve only from the sandbox's /etc/hosts.
# expect-reason: ok
# expect-stdout: contained
import errno
import socket

escaped = False
for family, address in [(socket.AF_INET, ("192.0.2.1", 53)), (socket.AF_INET, ("198.51.100.7", 443)),
                        (socket.AF_INET6, ("2001:db8::1", 53))]:
    s = socket.socket(family, socket.SOCK_DGRAM)
    try:
        s.connect(address)  # route lookup only: UDP connect sends no packet
        print("ESCAPED: route to", address[0], "via", s.getsockname())
        escaped = True
    except OSError as e:
        print("no route to", address[0], errno.errorcode.get(e.errno, e.errno))
    finally:
        s.close()
try:
    print("ESCAPED: resolved", socket.gethostbyname("example.com"))
    escaped = True
except OSError as e:
    print("no DNS:", type(e).__name__)
print("localhost is", socket.gethostbyname("localhost"))
if not escaped:
    print("contained")
