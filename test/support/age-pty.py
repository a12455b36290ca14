"""Runs Debian's `age` with a passphrase typed at its terminal prompt.

age reads passphrases only from a terminal (never from stdin), so the tests run it under a
pseudo-terminal and answer each "passphrase" prompt. Usage:
    python3 age-pty.py PASSPHRASE -- age -d -o OUT FILE
Exit code: age's. age's terminal output goes to stderr.
"""
import os, pty, sys, time, select
# usage: age_pty.py PASSPHRASE -- age args...
passphrase = sys.argv[1].encode()
args = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(args[0], args)
out = b''
sent = 0
deadline = time.time() + 120
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        prompts = out.lower().count(b'passphrase')
        while sent < prompts:
            os.write(fd, passphrase + b'\n')
            sent += 1
_, status = os.waitpid(pid, 0)
sys.stderr.write(out.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
