# Attack: talk to host services through unix sockets: Docker's API (full host
#   control), D-Bus, systemd, X11 (abstract socket), the journal.
# Containment: no host socket path exists in the sandbox, and abstract sockets
#   belong to the network namespace, which is the run's own.
# expect-reason: ok
# expect-stdout: contained
import socket

escaped = False
for path in ["/var/run/docker.sock", "/run/docker.sock", "/run/dbus/system_bus_socket",
             "/run/systemd/private", "/run/systemd/journal/socket", "\0/tmp/.X11-unix/X0",
             "\0/org/freedesktop/systemd1/notify"]:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect(path)
        print("ESCAPED: connected to", repr(path))
        escaped = True
    except OSError as e:
        print("no", repr(path), type(e).__name__)
    finally:
        s.close()
if not escaped:
    print("contained")
