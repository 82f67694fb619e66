"""The host at its file-descriptor limit (prlimit --nofile), against a real tertulia-server:
it stops accepting before the last quarter of its descriptors (kept for the history, files and
decoders) instead of spinning on a listener that stays readable, says so once in its log,
keeps its members chatting and storing, and accepts again once descriptors are free."""

import asyncio
import json
import os
import socket
import sys
import time
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

LIMIT = 64


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def join(host, name):
    member = await websockets.connect(host.socket_url(f"name={name}"))
    while json.loads(await asyncio.wait_for(member.recv(), 15))["type"] != "welcome":
        pass
    return member


async def said(member, text):
    await member.send(json.dumps({"message": text}))
    while True:
        event = json.loads(await asyncio.wait_for(member.recv(), 15))
        if event["type"] == "ack":
            return event


class DescriptorLimit(unittest.IsolatedAsyncioTestCase):
    async def test_out_of_descriptors_the_host_waits_instead_of_spinning(self):
        host = HostProcess(executable="prlimit",
                           args=(f"--nofile={LIMIT}:{LIMIT}", os.environ["TERTULIA_SERVER"],
                                 "--port", "0", "--max-per-address", "1000"))
        idle = []
        try:
            ana = await join(host, "Ana")
            # Connections that never say anything: each holds one of the host's descriptors.
            for _ in range(LIMIT + 20):
                idle.append(socket.create_connection(("127.0.0.1", host.port)))
            await asyncio.sleep(0.5)  # let the host take what it can
            before = cpu_seconds(host.process.pid)
            await asyncio.sleep(2)
            spent = cpu_seconds(host.process.pid) - before
            # Spinning on accept4's EMFILE took a whole core: 2 s of CPU in these 2 s.
            self.assertLess(spent, 0.5, f"{spent:.2f} s of CPU in 2 s at the limit")
            self.assertIsInstance((await said(ana, "still here at the limit"))["id"], int)
            # Descriptors come free: those waiting in the kernel's queue are taken, and a
            # newcomer gets in. (The address's own cap is raised: only descriptors count here.)
            for connection in idle:
                connection.close()
            bea = await join(host, "Bea")
            self.assertIsInstance((await said(bea, "got in"))["id"], int)
            await bea.close()
            await ana.close()
        finally:
            for connection in idle:
                connection.close()
            host.process.terminate()
            _, errors = host.process.communicate(timeout=15)
        self.assertEqual(host.process.returncode, 0)
        self.assertEqual(errors.count("Out of file descriptors"), 1, errors)


if __name__ == "__main__":
    unittest.main(verbosity=2)
