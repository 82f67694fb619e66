"""The native client (tertulia-probe: the real ChatConnection with its outbox) as a process
that Python tests drive, and what they need around it."""

import asyncio
import json
import os
import subprocess
import threading

import websockets

PROBE = os.environ["TERTULIA_PROBE"]


class Probe:
    """A native client process; collects its JSON events on a reader thread."""

    def __init__(self, url, name):
        self.name = name
        self.process = subprocess.Popen([PROBE, url, name], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
        self.events = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.lock:
                self.events.append(json.loads(line))

    def of(self, kind):
        with self.lock:
            return [event for event in self.events if event["event"] == kind]

    def send(self, text):
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)


async def whole_history(url):
    """Every stored message, read back through the protocol from the start."""
    messages = []
    async with websockets.connect(url) as socket:
        while True:
            event = json.loads(await asyncio.wait_for(socket.recv(), 10))
            if event["type"] == "history":
                messages += event["messages"]
                if not event["hasMore"]:
                    return messages
                await socket.send(json.dumps({"type": "history",
                                              "after": messages[-1]["id"], "limit": 500}))
