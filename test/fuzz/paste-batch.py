"""Paste many generated shell programs into an interactive shell on a pseudo-terminal.

Usage: python3 paste-batch.py SHELL PROGRAMS.json

SHELL is bash or zsh. The shell starts without start-up files on a new pseudo-terminal, with
line editing on, as in a terminal window. Each program is written as one bracketed paste (the
ESC [200~ and ESC [201~ markers that terminals send around pasted text), followed by a carriage
return, as when a user pastes the code and presses Enter. The next program is pasted only once
the prompt is back. One JSON line per program goes to standard output:
{"index": N, "status": exit status or null, "output": the terminal output, shortened}.
"""

import json
import os
import pty
import re
import select
import signal
import sys
import time

PROMPT = re.compile(rb"@@ready (\d+) @@")
# The continuation prompt shows that the shell waits for more input: the code was incomplete.
CONTINUATION = re.compile(rb"@@more @@")
PASTE_START = b"\x1b[200~"
PASTE_END = b"\x1b[201~"
# Seconds to wait for the prompt after a paste. The batch runner also kills the whole group on its
# own timeout.
PROGRAM_TIMEOUT = 20


def start_shell(shell):
    pid, fd = pty.fork()
    if pid == 0:
        # The terminal type of a common terminal window, whatever the test's own terminal is.
        os.environ["TERM"] = "xterm-256color"
        os.environ["PS2"] = "@@more @@ "
        if shell == "zsh":
            os.environ["PS1"] = "\n@@ready %? @@ "
            os.execvp("zsh", ["zsh", "-f", "-i"])
        os.environ["PS1"] = "\n@@ready $? @@ "
        os.execvp("bash", ["bash", "--norc", "--noprofile", "-i"])
    return pid, fd


def exchange(fd, data, buffer):
    """Write data while reading output until a prompt follows it, and return (status, output).

    The status is None when the shell prompts for more input, or shows no prompt in time.
    """
    deadline = time.monotonic() + PROGRAM_TIMEOUT
    pending = data
    start = len(buffer)

    while time.monotonic() < deadline:
        writers = [fd] if pending else []
        readable, writable, _ = select.select([fd], writers, [], 0.1)
        if writable:
            written = os.write(fd, pending[:4096])
            pending = pending[written:]
        if readable:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return None, bytes(buffer[start:])
            if not chunk:
                return None, bytes(buffer[start:])
            buffer.extend(chunk)
        if not pending:
            if CONTINUATION.search(buffer, start):
                return None, bytes(buffer[start:])
            match = PROMPT.search(buffer, start)
            if match:
                status = int(match.group(1))
                output = bytes(buffer[start : match.start()])
                del buffer[: match.end()]
                return status, output
    return None, bytes(buffer[start:])


def shorten(output):
    text = output.decode("utf-8", "replace")
    return text if len(text) <= 4000 else text[:2000] + " … " + text[-2000:]


def main():
    shell = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as file:
        programs = json.load(file)

    pid, fd = start_shell(shell)
    buffer = bytearray()
    status, output = exchange(fd, b"", buffer)
    if status is None:
        sys.stderr.write("The shell never showed its prompt: " + shorten(output) + "\n")
        sys.exit(1)

    for index, program in enumerate(programs):
        paste = PASTE_START + program.encode("utf-8") + PASTE_END + b"\r"
        status, output = exchange(fd, paste, buffer)
        result = {"index": index, "status": status, "output": shorten(output)}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
        if status is None:
            # Ctrl-C drops the incomplete command and brings the prompt back.
            buffer.clear()
            if exchange(fd, b"\x03", buffer)[0] is None:
                break

    os.write(fd, b"exit\r")
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return
        # The shell's output is read and dropped, so that it never blocks on a full terminal.
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    # The shell is still waiting, for example for the rest of a quoted string, so end it.
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
