"""Files on a small disk, against a real tertulia-server whose data directory is a 64 MB tmpfs:
accepted offers reserve their bytes, the chat keeps a reserve files never take, and uploads
abandoned on a short disk go after 30 s. Mounting needs root: elsewhere this reports skipped
(exit 77, ctest's SKIP_RETURN_CODE), never passed."""

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
sys.path.insert(0, os.path.dirname(__file__))
from hostprocess import HostProcess  # noqa: E402
from filetools import Member  # noqa: E402
from test_files import MB, stored_names  # noqa: E402

SKIP = 77


def can_mount():
    probe = tempfile.mkdtemp(prefix="tertulia-disk-probe-")
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            print(f"skipped: cannot mount a tmpfs here ({mounted.stderr.strip()})")
            return False
        subprocess.run(["umount", probe], check=True)
        return True
    finally:
        os.rmdir(probe)


class SmallDisk(unittest.IsolatedAsyncioTestCase):
    """The data directory on a 64 MB tmpfs of its own."""

    def setUp(self):
        self.mount = tempfile.mkdtemp(prefix="tertulia-disk-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", self.mount],
                       check=True)

    def tearDown(self):
        subprocess.run(["umount", self.mount], check=True)
        os.rmdir(self.mount)

    async def test_accepted_files_reserve_their_room_and_the_chat_keeps_its_own(self):
        # Files stop at 2 x --min-free-disk free (16 MB), messages at 8 MB.
        host = HostProcess(args=("--port", "0", "--min-free-disk", str(8 * MB)),
                           data_dir=self.mount)
        try:
            data = os.urandom(20 * MB)
            ana = await Member.join(host, "Ana", resume="", source="127.0.0.1")
            bea = await Member.join(host, "Bea", resume="", source="127.0.0.2")
            cid = await Member.join(host, "Cid", source="127.0.0.3")
            offers = [await ana.offer("a.bin", data, client_id="a"),
                      await bea.offer("b.bin", data, client_id="b")]
            self.assertEqual([o["type"] for o in offers], ["file_accepted"] * 2)
            # 64 MB, 40 of them promised: a third 20 MB would leave less than the chat's reserve.
            refused = await cid.offer("c.bin", data, client_id="c")
            self.assertEqual(refused["code"], "disk_full", refused)
            # Most of each is sent, then its sender leaves, as a hostile member would.
            for member, accepted in ((ana, offers[0]), (bea, offers[1])):
                await member.send_bytes(accepted, data, stop_at=19 * MB)
                await member.close()
            self.assertEqual(len([n for n in stored_names(host) if n.endswith(".part")]), 2)
            # The chat goes on, files are refused.
            await cid.socket.send('{"name": "Cid", "message": "still talking"}')
            self.assertIsInstance((await cid.next("ack"))["id"], int)
            self.assertEqual((await cid.offer("c.bin", data, client_id="c2"))["code"], "disk_full")
            # Their senders away for 30 s on a short disk, the parts go and the room takes files.
            deadline = time.monotonic() + 60
            while True:
                answer = await cid.offer("c.bin", data, client_id="c3")
                if answer["type"] == "file_accepted" or time.monotonic() > deadline:
                    break
                self.assertEqual(answer["code"], "disk_full")
                await asyncio.sleep(2)
            self.assertEqual(answer["type"], "file_accepted", answer)
            self.assertEqual([n for n in stored_names(host) if n.endswith(".part")],
                             [answer["upload"] + ".part"])
            await cid.send_bytes(answer, data)
            self.assertIn("file", await cid.next_answer_of("c3", ("ack",), timeout=30))
            await cid.close()
        finally:
            self.assertEqual(host.stop(), 0)


if __name__ == "__main__":
    if not can_mount():
        sys.exit(SKIP)
    unittest.main(verbosity=2)
