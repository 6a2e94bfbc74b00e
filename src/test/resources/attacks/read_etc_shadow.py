# Attack: read the host's password hashes and identity files (/etc/shadow,
#   /etc/gshadow, /etc/sudoers, /etc/hostname, /etc/machine-id, ssh host keys).
# Containment: the sandbox's /etc holds only neutral passwd, group, hosts and
#   nsswitch.conf files; every other host file is absent.
# expect-reason: ok
# expect-stdout: contained
import os

escaped = False
for path in ["/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/hostname", "/etc/machine-id",
             "/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_rsa_key", "/root/.ssh/id_rsa",
             "/root/.bash_history", "/var/log/auth.log"]:
    try:
        with open(path, "rb") as f:
            f.read(100)
        print("ESCAPED: read", path)
        escaped = True
    except OSError as e:
        print("blocked", path, type(e).__name__)
print("etc has:", sorted(os.listdir("/etc")))
if not escaped:
    print("contained")
