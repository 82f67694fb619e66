"""A crowd guessing the room's password from 49 loopback addresses, against a real
tertulia-server: the whole room takes a bounded number of wrong guesses a second
(PasswordCheck::kRoomGuessBurst at once, kRoomGuessesPerSecond after), the digests are computed
off the event loop, members keep chatting, and the right password gets in once the crowd
stops."""

import asyncio
import json
import os
import sys
import time
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

PASSWORD = "correct horse"
ADDRESSES = [f"127.0.0.{n}" for n in range(2, 51)]  # 49
SECONDS = 8
BURST, PER_SECOND, WAITING = 20, 2, 8  # PasswordCheck, PasswordHasher


async def answer(host, source, name, password):
    """The code the host answers a join with ("welcome" if it let it in)."""
    async with websockets.connect(host.socket_url(), local_addr=(source, 0)) as member:
        await member.send(json.dumps({"type": "join", "name": name, "password": password}))
        while True:
            event = json.loads(await asyncio.wait_for(member.recv(), 15))
            if event["type"] in ("welcome", "error"):
                return event.get("code", "welcome"), event.get("reason", "")


class PasswordCrowd(unittest.IsolatedAsyncioTestCase):
    async def test_a_guessing_crowd_gets_a_bounded_number_of_checks(self):
        host = HostProcess(args=("--port", "0", "--password", PASSWORD,
                                 "--max-per-address", "200"))
        try:
            ana = await websockets.connect(host.socket_url())
            bea = await websockets.connect(host.socket_url())
            for member, name in ((ana, "Ana"), (bea, "Bea")):
                await member.send(json.dumps({"type": "join", "name": name,
                                              "password": PASSWORD}))
                while json.loads(await asyncio.wait_for(member.recv(), 15))["type"] != "welcome":
                    pass
            answers = []
            end = time.monotonic() + SECONDS

            async def guess(source, number):
                tries = 0
                while time.monotonic() < end:
                    answers.append(await answer(host, source, f"G{number}", f"guess {tries}"))
                    tries += 1

            async def chat():
                said = heard = 0
                while time.monotonic() < end:
                    await ana.send(json.dumps({"message": f"m{said}"}))
                    said += 1
                    await asyncio.sleep(0.1)
                while heard < said:
                    event = json.loads(await asyncio.wait_for(bea.recv(), 15))
                    heard += event["type"] == "message" and event["name"] == "Ana"
                return said, heard

            started = time.monotonic()
            results = await asyncio.gather(chat(), *(guess(source, n)
                                                     for n, source in enumerate(ADDRESSES)))
            elapsed = time.monotonic() - started
            said, heard = results[0]
            self.assertEqual(heard, said, "a member's messages were lost during the guessing")
            codes = [code for code, _ in answers]
            wrong = codes.count("password_wrong")
            print(f"{len(answers)} guesses from {len(ADDRESSES)} addresses in {elapsed:.1f} s: "
                  f"{wrong} checked and wrong, {codes.count('password_throttled')} throttled")
            self.assertEqual(set(codes) - {"password_wrong", "password_throttled"}, set())
            # Per address alone (1 s, 2 s, 4 s... between tries) this crowd got 147 in 8 s.
            self.assertLessEqual(wrong, BURST + PER_SECOND * elapsed + WAITING)
            self.assertTrue(any("Many wrong passwords" in reason for _, reason in answers))
            # The crowd gone, the right password gets in again within a few seconds.
            deadline = time.monotonic() + 20
            while True:
                code, reason = await answer(host, "127.0.0.51", "Cid", PASSWORD)
                if code == "welcome" or time.monotonic() > deadline:
                    break
                await asyncio.sleep(1)
            self.assertEqual(code, "welcome", reason)
            await ana.close()
            await bea.close()
        finally:
            self.assertEqual(host.stop(), 0)

    async def test_hanging_up_before_the_answer_buys_no_retry(self):
        host = HostProcess(args=("--port", "0", "--password", PASSWORD))
        try:
            async with websockets.connect(host.socket_url(), local_addr=("127.0.0.60", 0)) as m:
                await m.send(json.dumps({"type": "join", "name": "Eve", "password": "guess"}))
            # Gone before the digest was done: the wrong guess still counts against the address.
            await asyncio.sleep(0.5)
            code, reason = await answer(host, "127.0.0.60", "Eve", "another guess")
            self.assertEqual(code, "password_throttled", reason)
            self.assertIn("from your address", reason)
        finally:
            self.assertEqual(host.stop(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
