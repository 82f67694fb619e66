"""The host measures durations on the monotonic clock: a wall clock that steps (NTP, a laptop
waking up, someone setting the date) neither rate-limits everyone nor drops everyone as idle.
A real tertulia-server runs under Debian's libfaketime, whose wall clock the test steps while
the host runs (its monotonic clock stays real: DONT_FAKE_MONOTONIC)."""

import asyncio
import datetime
import json
import os
import sys
import tempfile
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

SERVER = os.environ["TERTULIA_SERVER"]
LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
RATE, BURST, IDLE_MS = 20, 5, 2000


async def next_of(socket, wanted, timeout=10):
    while True:
        event = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if event["type"] == wanted:
            return event


async def member(host, name):
    socket = await websockets.connect(host.socket_url(f"name={name}&resume="))
    await next_of(socket, "welcome")
    return socket


class ClockSteps(unittest.TestCase):
    def setUp(self):
        handle, self.clock_file = tempfile.mkstemp(suffix=".faketime")
        os.close(handle)
        self.step("+0")
        env = dict(os.environ, LD_PRELOAD=LIBFAKETIME, FAKETIME_TIMESTAMP_FILE=self.clock_file,
                   FAKETIME_NO_CACHE="1", DONT_FAKE_MONOTONIC="1")
        # Under AddressSanitizer the preloaded library comes before ASan's runtime, which it
        # otherwise refuses; libfaketime allocates nothing ASan needs to see first.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"),
                                                     "verify_asan_link_order=0"]))
        self.host = HostProcess(SERVER, env=env, args=(
            "--port", "0", "--rate", str(RATE), "--burst", str(BURST),
            "--idle-timeout", str(IDLE_MS)))

    def tearDown(self):
        self.assertEqual(self.host.stop(), 0)
        os.unlink(self.clock_file)

    def step(self, offset):
        """Sets the host's wall clock to real time plus offset ("-1h", "+10m")."""
        with open(self.clock_file, "w") as clock:
            clock.write(offset + "\n")

    def assert_host_time_is_off_by(self, iso_time, hours):
        # The step reached the host: the time it stamps on messages moved with it.
        host_time = datetime.datetime.fromisoformat(iso_time.replace("Z", "+00:00"))
        offset = host_time - datetime.datetime.now(datetime.timezone.utc)
        self.assertAlmostEqual(offset.total_seconds() / 3600, hours, delta=0.05)

    def test_a_clock_stepping_back_rate_limits_nobody(self):
        async def scenario():
            ana, bo = await member(self.host, "Ana"), await member(self.host, "Bo")
            sent = RATE * 2  # two seconds at the allowed rate: eight bursts' worth
            errors = []
            for i in range(sent):
                if i == sent // 2:  # the host has counted half of them by the real clock
                    self.step("-1h")
                await ana.send(json.dumps({"message": f"m{i}", "clientId": f"c{i}"}))
                await asyncio.sleep(1.2 / RATE)
            acks = []
            while len(acks) < sent:
                event = json.loads(await asyncio.wait_for(ana.recv(), 10))
                if event["type"] == "ack":
                    acks.append(event)
                elif event["type"] == "error":
                    errors.append(event["code"])
            received = [(await next_of(bo, "message"))["message"] for _ in range(sent)]
            await ana.close()
            await bo.close()
            return acks, errors, received

        acks, errors, received = asyncio.run(scenario())
        self.assertEqual(errors, [])
        self.assertEqual(received, [f"m{i}" for i in range(RATE * 2)])
        self.assert_host_time_is_off_by(acks[-1]["time"], -1)

    def test_a_clock_stepping_forward_drops_nobody_as_idle(self):
        async def scenario():
            ana, bo = await member(self.host, "Ana"), await member(self.host, "Bo")
            self.step("+10m")
            # Several idle sweeps (every IDLE_MS / 2) after a step far beyond the idle timeout.
            await asyncio.sleep(3 * IDLE_MS / 1000)
            await ana.send(json.dumps({"message": "still here", "clientId": "late"}))
            ack = await next_of(ana, "ack")
            message = await next_of(bo, "message")
            await ana.close()
            await bo.close()
            return ack, message

        ack, message = asyncio.run(scenario())
        self.assertEqual(message["message"], "still here")
        self.assert_host_time_is_off_by(ack["time"], 10 / 60)


if __name__ == "__main__":
    unittest.main(verbosity=2)
