"""Starts a real tertulia host process on a free port and stops it, for Python tests."""

import os
import re
import select
import signal
import subprocess
import tempfile
import time

LISTENING = re.compile(r"^Listening on http://([^/]+):(\d+)/$")
STARTUP_S = 30


class HostProcess:
    def __init__(self, executable=None, args=("--port", "0"), env=None, data_dir=None):
        self.executable = executable or os.environ["TERTULIA_SERVER"]
        # Never the user's history: a fresh directory unless a test restarts on the same one.
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="tertulia-test-")
        self.process = subprocess.Popen(
            [self.executable, *args, "--data-dir", self.data_dir], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env)
        # A host that hangs before saying where it listens fails the test in words, not by
        # the test's timeout with nothing to read.
        ready, _, _ = select.select([self.process.stdout], [], [], STARTUP_S)
        self.first_line = self.process.stdout.readline().rstrip("\n") if ready else ""
        match = LISTENING.match(self.first_line)
        if not match:
            self.process.kill()
            said = "" if ready else f"nothing within {STARTUP_S} s; "
            raise RuntimeError(f"host did not start: {said}{self.first_line!r} "
                               f"{self.process.stderr.read()!r}")
        self.port = int(match.group(2))

    def socket_url(self, query=""):
        return f"ws://127.0.0.1:{self.port}/ws" + (f"?{query}" if query else "")

    def stop(self):
        """Asks the host to quit (SIGTERM) and returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def status_kb(pid, field):
    """A memory figure of a running process, in KB, from /proc/PID/status (VmRSS, VmHWM...)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")
