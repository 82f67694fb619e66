"""Clients nobody here wrote (Debian's python3-websockets) talk to a real tertulia-server,
sending exactly the seeds' payload {"name", "message"}."""

import asyncio
import json
import os
import sys
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

TIMEOUT = 5


async def next_of_type(socket, wanted):
    while True:
        event = json.loads(await asyncio.wait_for(socket.recv(), TIMEOUT))
        if event["type"] == wanted:
            return event


class SeedClients(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.host = HostProcess()

    def tearDown(self):
        self.assertEqual(self.host.stop(), 0)

    async def test_seed_payloads_both_ways(self):
        # The seeds' two ways of naming yourself: in the URL, and in the first message.
        async with websockets.connect(self.host.socket_url("name=Ana")) as ana, \
                websockets.connect(self.host.socket_url()) as bea:
            self.assertEqual((await next_of_type(ana, "welcome"))["name"], "Ana")
            await bea.send(json.dumps({"name": "Bea", "message": "hola"}))
            self.assertEqual((await next_of_type(bea, "welcome"))["name"], "Bea")
            received = await next_of_type(ana, "message")
            self.assertEqual((received["name"], received["message"]), ("Bea", "hola"))
            self.assertIsInstance(received["id"], int)
            self.assertTrue(received["time"].endswith("Z"))

            await ana.send(json.dumps({"name": "Ana", "message": "olá, Bea 🌍"}))
            received = await next_of_type(bea, "message")
            self.assertEqual((received["name"], received["message"]), ("Ana", "olá, Bea 🌍"))

    async def test_taken_name_is_refused_with_its_close_code(self):
        async with websockets.connect(self.host.socket_url("name=Ana")) as ana:
            await next_of_type(ana, "welcome")
            async with websockets.connect(self.host.socket_url("name=ana")) as impostor:
                error = await next_of_type(impostor, "error")
                self.assertEqual(error["code"], "name_taken")
                with self.assertRaises(websockets.ConnectionClosed) as closed:
                    await asyncio.wait_for(impostor.recv(), TIMEOUT)
                self.assertEqual(closed.exception.rcvd.code, 4002)

    async def test_spoofed_name_is_refused(self):
        async with websockets.connect(self.host.socket_url("name=Ana")) as ana, \
                websockets.connect(self.host.socket_url("name=Bea")) as bea:
            await next_of_type(ana, "welcome")
            await next_of_type(bea, "welcome")
            await bea.send(json.dumps({"name": "Ana", "message": "soy Ana"}))
            self.assertEqual((await next_of_type(bea, "error"))["code"], "name_mismatch")
            await bea.send(json.dumps({"name": "Bea", "message": "soy Bea"}))
            received = await next_of_type(ana, "message")
            self.assertEqual((received["name"], received["message"]), ("Bea", "soy Bea"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
