"""The servers a benchmark starts: free loopback ports, and stopping each by its pid."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_ports(count):
    """`count` distinct free TCP ports on 127.0.0.1 (held together so none repeats)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


class Processes:
    """Starts servers and stops every one of them, by pid, whatever ends the run.

    Servers get a session of their own, so a Ctrl-C in the terminal reaches only this
    script, which then stops them in order (a gunicorn or nginx master stops its workers).
    """

    def __init__(self):
        self.running = []

    def __enter__(self):
        # A plain `kill` (SIGTERM) must unwind like Ctrl-C, through __exit__.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        return self

    def __exit__(self, *exc):
        while self.running:
            self.stop(self.running[-1])

    def start(self, command, env=None, log=None, cwd=None):
        output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log_file = output if log else None
        self.running.append(process)
        return process

    def stop(self, process, timeout=20):
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
        if process.log_file:
            process.log_file.close()
        self.running.remove(process)


def wait_for_http(url, process, headers=None, timeout=90):
    """Wait until `url` answers (any HTTP status); fail if the process died first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")
