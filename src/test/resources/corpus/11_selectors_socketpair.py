# Seed style: a hand-written event loop with selectors over socket.socketpair().
import selectors
import socket

selector = selectors.DefaultSelector()
left, right = socket.socketpair()
left.setblocking(False)
right.setblocking(False)
messages = [b"ping 1", b"ping 2", b"ping 3"]
received = []


def on_writable(sock):
    if messages:
        sock.send(messages.pop(0) + b"\n")
    else:
        selector.unregister(sock)
        sock.close()


def on_readable(sock):
    data = sock.recv(1024)
    if data:
        for line in data.decode().splitlines():
            print("got", line)
            received.append(line)
    else:
        selector.unregister(sock)
        sock.close()


selector.register(left, selectors.EVENT_WRITE, on_writable)
selector.register(right, selectors.EVENT_READ, on_readable)
while selector.get_map():
    for key, mask in selector.select(timeout=1):
        key.data(key.fileobj)
print("done:", len(received), "messages")
