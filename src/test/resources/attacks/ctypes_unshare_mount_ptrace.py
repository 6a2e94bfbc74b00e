# Attack: use raw system calls through ctypes to gain privilege: new user or
#   mount namespaces (to become "root" again), mount a file system, ptrace
#   the server, setuid(0), chroot, load a kernel module, reboot.
# Containment: further user namespaces are disabled (bubblewrap's
#   --disable-userns), no capabilities are held, so every call fails with
#   EPERM or ENOSPC; the server's pid does not exist in the run's pid
#   namespace (ESRCH). (ptrace of the sandbox's own pid 1 works: it is
#   bubblewrap's init, with the same uid, no capabilities and no_new_privs,
#   so it offers nothing the program does not already have.)
# expect-reason: ok
# expect-stdout: contained
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWNET, CLONE_NEWPID = 0x20000, 0x10000000, 0x40000000, 0x20000000
PTRACE_ATTACH, PTRACE_TRACEME = 16, 0
attempts = {
    "unshare(user)": lambda: libc.unshare(CLONE_NEWUSER),
    "unshare(mount)": lambda: libc.unshare(CLONE_NEWNS),
    "unshare(net)": lambda: libc.unshare(CLONE_NEWNET),
    "unshare(pid)": lambda: libc.unshare(CLONE_NEWPID),
    "mount(tmpfs)": lambda: libc.mount(b"none", b"/home/student", b"tmpfs", 0, None),
    "remount /usr rw": lambda: libc.mount(None, b"/usr", None, 0x20 | 0x1000, None),
    "ptrace(attach, server)": lambda: libc.ptrace(PTRACE_ATTACH, {{SERVER_PID}}, None, None),
    "setuid(0)": lambda: libc.setuid(0),
    "chroot(/)": lambda: libc.chroot(b"/"),
    "init_module": lambda: libc.syscall(175, None, 0, b""),
    "reboot": lambda: libc.reboot(0x4321FEDC),
    "sethostname": lambda: libc.sethostname(b"pwned", 5),
}
escaped = False
for name, call in attempts.items():
    result = call()
    err = ctypes.get_errno()
    if result == 0:
        print("ESCAPED:", name, "succeeded")
        escaped = True
    else:
        print(name, "failed:", os.strerror(err))
if not escaped:
    print("contained")
