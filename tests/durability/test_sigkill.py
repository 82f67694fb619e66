"""Kill the host with SIGKILL in the middle of a stream of messages from several native
clients (tertulia-probe: the real ChatConnection with its outbox), restart it on the same
data directory and port, and check that every acknowledged message is in the history exactly
once, and that the clients reconnect by themselves and finish sending their outboxes."""

import asyncio
import os
import signal
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess, wait_until  # noqa: E402
from nativeprobe import Probe, whole_history  # noqa: E402

SENDERS = ("Uno", "Dos", "Tres")
MESSAGES_EACH = 120
PACE_SECONDS = 0.01


class KillDuringAStream(unittest.TestCase):
    def test_nothing_acknowledged_is_lost_or_doubled(self):
        fast = ("--rate", "1000", "--burst", "1000")  # the rate limit has tests of its own
        host = HostProcess(args=("--port", "0", "--bind", "127.0.0.1", *fast))
        port, data_dir = host.port, host.data_dir
        url = f"http://127.0.0.1:{port}/"
        probes = [Probe(url, name) for name in SENDERS]
        try:
            wait_until(lambda: all(p.of("joined") for p in probes), 10, "everyone to join")

            def stream(probe):
                for i in range(MESSAGES_EACH):
                    probe.send(f"{probe.name} {i}")
                    time.sleep(PACE_SECONDS)

            writers = [threading.Thread(target=stream, args=(p,)) for p in probes]
            for writer in writers:
                writer.start()
            # Mid-stream: some messages acknowledged, many still to come.
            wait_until(lambda: sum(len(p.of("ack")) for p in probes) >= 60, 20, "60 acks")
            acked_before_kill = sum(len(p.of("ack")) for p in probes)
            host.process.send_signal(signal.SIGKILL)
            host.stop()
            self.assertLess(acked_before_kill, len(SENDERS) * MESSAGES_EACH)
            time.sleep(0.5)  # the clients notice and queue what they are given meanwhile
            host = HostProcess(args=("--port", str(port), "--bind", "127.0.0.1", *fast),
                               data_dir=data_dir)
            for writer in writers:
                writer.join()

            # The clients come back by themselves and empty their outboxes.
            wait_until(lambda: all(len({e["clientId"] for e in p.of("ack")}) == MESSAGES_EACH
                                   for p in probes), 60, "every message to be acknowledged")
            history = asyncio.run(whole_history(
                f"ws://127.0.0.1:{port}/ws?name=Auditor&since=0"))
        finally:
            for probe in probes:
                probe.stop()
            host.stop()

        texts = [message["message"] for message in history]
        for probe in probes:
            sent = [f"{probe.name} {i}" for i in range(MESSAGES_EACH)]
            mine = [text for text in texts if text.startswith(probe.name + " ")]
            # Exactly once each, and in the order the sender wrote them.
            self.assertEqual(mine, sent)
            # Every id the host acknowledged is the stored message's id.
            stored_ids = {m["id"] for m in history if m["name"] == probe.name}
            self.assertTrue({e["id"] for e in probe.of("ack")} <= stored_ids)
        ids = [message["id"] for message in history]
        self.assertEqual(ids, sorted(set(ids)))
        print(f"acknowledged before SIGKILL: {acked_before_kill}; stored in all: {len(history)}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
