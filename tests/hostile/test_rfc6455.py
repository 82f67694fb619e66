"""RFC 6455 from a raw client against a real tertulia-server, where Qt 6.4.2's QWebSocket alone
gets it wrong: a text message is judged as a whole, so a character split between fragments is
accepted (Autobahn|Testsuite 6.2.3, 6.2.4) and invalid UTF-8 is refused with 1007 by the
fragment that makes it invalid, not earlier (6.4.2); an unmasked client frame is refused with
1002 (section 5.1). Each case also checks that a bystander keeps chatting."""

import asyncio
import base64
import json
import os
import socket
import struct
import sys
import time
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

TEXT, CONTINUATION, CLOSE = 0x1, 0x0, 0x8


def frame(opcode, payload, fin=True, masked=True):
    header = bytes([(0x80 if fin else 0) | opcode])
    mask_bit = 0x80 if masked else 0
    if len(payload) < 126:
        header += bytes([mask_bit | len(payload)])
    elif len(payload) <= 0xFFFF:
        header += bytes([mask_bit | 126]) + struct.pack("!H", len(payload))
    else:
        header += bytes([mask_bit | 127]) + struct.pack("!Q", len(payload))
    if not masked:
        return header + payload
    key = os.urandom(4)
    return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


class RawClient:
    """A WebSocket client that sends exactly the frames it is given."""

    def __init__(self, port, name):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /ws?name={name} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(4096)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head

    def send(self, data):
        self.sock.sendall(data)

    def _read(self, count, deadline):
        while len(self.buffer) < count:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def next_frame(self, seconds):
        """(opcode, payload) of the host's next frame, or None if none came in time."""
        deadline = time.monotonic() + seconds
        head = self._read(2, deadline)
        if head is None:
            return None
        length = head[1] & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2, deadline))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8, deadline))[0]
        return head[0] & 0x0F, self._read(length, deadline)

    def events_until_close(self, seconds):
        """The host's text events and its close frame's (code, reason), within `seconds`."""
        events = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            got = self.next_frame(deadline - time.monotonic())
            if got is None:
                return events, None
            opcode, payload = got
            if opcode == CLOSE:
                return events, (struct.unpack("!H", payload[:2])[0], payload[2:].decode())
            if opcode == TEXT:
                events.append(json.loads(payload))
        return events, None

    def close(self):
        self.sock.close()


async def bystander_hears(port, text):
    """A second member (python-websockets) says `text` and hears it acknowledged."""
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws?name=Bystander") as member:
        await member.send(json.dumps({"message": text}))
        while True:
            event = json.loads(await asyncio.wait_for(member.recv(), 10))
            if event["type"] == "ack":
                return True


class Rfc6455(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.host = HostProcess(args=("--port", "0", "--bind", "127.0.0.1"))

    @classmethod
    def tearDownClass(cls):
        code = cls.host.stop()
        if code != 0:
            raise AssertionError(f"the host exited with {code}")

    def setUp(self):
        self.listener = RawClient(self.host.port, f"Listener{self.id()[-6:]}")

    def tearDown(self):
        self.listener.close()

    def heard(self, sender, text, seconds=5):
        """The sender is acknowledged and not closed; the listener hears `text` exactly."""
        events, closed = sender.events_until_close(1.0)
        self.assertIsNone(closed, f"the sender was closed: {closed}")
        self.assertTrue(any(e.get("type") == "ack" for e in events), f"no ack for {text!r}")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            events, closed = self.listener.events_until_close(0.5)
            self.assertIsNone(closed)
            for event in events:
                if event.get("type") == "message" and event.get("message") == text:
                    return
        self.fail(f"{text!r} was never heard")

    def test_a_character_split_between_fragments_is_accepted(self):
        client = RawClient(self.host.port, "Splitter")
        try:
            text = "café ☕ y un 😀 para ti"
            payload = json.dumps({"message": text}, ensure_ascii=False).encode()
            cuts = [payload.index("é".encode()) + 1,  # inside é (2 bytes)
                    payload.index("☕".encode()) + 2,  # inside ☕ (3 bytes)
                    payload.index("😀".encode()) + 1,  # inside 😀 (4 bytes)
                    payload.index("😀".encode()) + 3]
            pieces = [payload[a:b] for a, b in zip([0] + cuts, cuts + [len(payload)])]
            for index, piece in enumerate(pieces):
                opcode = TEXT if index == 0 else CONTINUATION
                client.send(frame(opcode, piece, fin=index == len(pieces) - 1))
            self.heard(client, text)
            # One byte per fragment (Autobahn 6.2.4's way) for a short message.
            short = json.dumps({"message": "ñ😀"}, ensure_ascii=False).encode()
            for index in range(len(short)):
                client.send(frame(TEXT if index == 0 else CONTINUATION, short[index:index + 1],
                                  fin=index == len(short) - 1))
            self.heard(client, "ñ😀")
            self.assertTrue(asyncio.run(bystander_hears(self.host.port, "still here")))
        finally:
            client.close()

    def test_invalid_utf8_is_refused_by_the_fragment_that_makes_it_invalid(self):
        client = RawClient(self.host.port, "Invalid")
        try:
            # Autobahn 6.4.2: F4 may begin a character; F4 90 is above U+10FFFF.
            client.send(frame(TEXT, b'{"message":"\xce\xba\xe1\xbd\xb9\xf4', fin=False))
            events, closed = client.events_until_close(1.0)
            self.assertIsNone(closed, "refused before the fragment that made it invalid")
            client.send(frame(CONTINUATION, b"\x90", fin=False))
            events, closed = client.events_until_close(5.0)
            self.assertIsNotNone(closed, "invalid UTF-8 was not refused")
            self.assertEqual(closed[0], 1007)
            self.assertTrue(asyncio.run(bystander_hears(self.host.port, "after the invalid one")))
        finally:
            client.close()

    def test_an_unmasked_frame_is_refused_with_1002(self):
        client = RawClient(self.host.port, "Unmasked")
        try:
            client.send(frame(TEXT, json.dumps({"message": "masked, fine"}).encode()))
            self.heard(client, "masked, fine")
            client.send(frame(TEXT, json.dumps({"message": "not masked"}).encode(), masked=False))
            events, closed = client.events_until_close(5.0)
            self.assertIsNotNone(closed, "an unmasked frame was accepted")
            self.assertEqual(closed[0], 1002)
            self.assertIn("masked", closed[1])
            self.assertFalse(any(e.get("type") == "ack" for e in events),
                             "the unmasked frame's message was taken")
            heard, _ = self.listener.events_until_close(1.0)
            self.assertFalse(any(e.get("message") == "not masked" for e in heard),
                             "the unmasked frame's message reached the room")
            self.assertTrue(asyncio.run(bystander_hears(self.host.port, "after the unmasked")))
        finally:
            client.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
