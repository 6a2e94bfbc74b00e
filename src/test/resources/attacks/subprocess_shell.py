# Attack: run a shell and system tools through subprocess, looking around as
#   an attacker would: identity, mounts, processes, the network, the host's
#   files, a privilege escalation with su/sudo.
# Containment: the shell runs in the same sandbox with the same view: the
#   student uid, no host processes, no network, read-only system files.
# expect-reason: ok
# expect-stdout: contained
import subprocess

script = """
id; hostname; cat /etc/shadow; ls /root /work /sys; cat /proc/1/environ | tr '\\0' ' '; echo
ls /proc | grep -c '^[0-9]'; cat /proc/mounts | cut -d' ' -f2 | sort | tr '\\n' ' '; echo
su -c id root </dev/null; sudo -n id; touch /usr/evil && echo ESCAPED: touched /usr
"""
result = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, timeout=20)
print(result.stdout)
print(result.stderr)
if "uid=1000(student)" in result.stdout and "uid=0(root)" not in result.stdout:
    print("contained")
