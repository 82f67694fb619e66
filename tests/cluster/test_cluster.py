"""One room served by two real tertulia-server nodes sharing a real redis-server (Unix socket,
temp directory): members on either node chat as in one room, names are unique across them,
direct messages and removals cross, a Redis restart loses nothing acknowledged, and killing a
node behind HAProxy loses nothing: its native clients carry on through the other node."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from clusterprocesses import Balancer, RedisProcess, scratch_directory, start_node  # noqa: E402
from hostprocess import wait_until  # noqa: E402
from nativeprobe import Probe, whole_history  # noqa: E402

FAST = ("--rate", "1000", "--burst", "1000")  # the rate limit has tests of its own


class Member:
    """A raw WebSocket client that keeps every event it receives."""

    def __init__(self, socket):
        self.socket = socket
        self.events = []
        self.closed = None
        self.reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def join(cls, port, query):
        member = cls(await websockets.connect(f"ws://127.0.0.1:{port}/ws?{query}"))
        await member.until(lambda e: e["type"] in ("welcome", "error"))
        return member

    async def _read(self):
        try:
            async for frame in self.socket:
                self.events.append(json.loads(frame))
        except websockets.ConnectionClosed:
            pass
        self.closed = self.socket.close_code

    def of(self, kind):
        return [event for event in self.events if event["type"] == kind]

    def said(self):
        return [(event["name"], event["message"]) for event in self.of("message")]

    async def until(self, predicate, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [event for event in self.events if predicate(event)]
            if found:
                return found[-1]
            await asyncio.sleep(0.01)
        raise AssertionError(f"timed out; events: {self.events[-5:]}")

    async def say(self, text, **fields):
        await self.socket.send(json.dumps({"message": text, **fields}))

    async def close(self):
        await self.socket.close()
        await self.reader


def present(event, name):
    return any(member["name"] == name and not member.get("away")
               for member in event.get("members", []))


class TwoNodes(unittest.TestCase):
    def setUp(self):
        self.redis = RedisProcess()
        self.addCleanup(self.redis.stop)
        self.a = start_node(self.redis, *FAST)
        self.addCleanup(self.a.stop)
        self.b = start_node(self.redis, *FAST)
        self.addCleanup(self.b.stop)

    def test_members_on_two_nodes_chat_as_one_room(self):
        async def run():
            ana = await Member.join(self.a.port, "name=Ana")
            bea = await Member.join(self.b.port, "name=Bea")
            await ana.until(lambda e: present(e, "Bea"))
            # The seeds' payload, unchanged, both ways.
            await ana.socket.send(json.dumps({"name": "Ana", "message": "hola desde A"}))
            await bea.until(lambda e: e.get("message") == "hola desde A")
            await bea.socket.send(json.dumps({"name": "Bea", "message": "hola desde B"}))
            await ana.until(lambda e: e.get("message") == "hola desde B")
            self.assertEqual([e["id"] for e in ana.of("ack")] + [e["id"] for e in bea.of("ack")],
                             [1, 2])
            # Typing crosses too.
            await bea.socket.send(json.dumps({"type": "typing"}))
            await ana.until(lambda e: e["type"] == "typing" and e["name"] == "Bea")

            # A name in use on A is refused on B, in words, whatever its case.
            impostor = await Member.join(self.b.port, "name=ana")
            self.assertEqual(impostor.of("error")[0]["code"], "name_taken")
            await impostor.reader
            self.assertEqual(impostor.closed, 4002)

            # A late joiner on B reads what was said on A, in the room's order.
            caro = await Member.join(self.b.port, "name=Caro")
            history = (await caro.until(lambda e: e["type"] == "history"))["messages"]
            self.assertEqual([(m["id"], m["name"], m["message"]) for m in history],
                             [(1, "Ana", "hola desde A"), (2, "Bea", "hola desde B")])
            self.assertEqual(sorted(m["name"] for m in caro.of("welcome")[0]["members"]),
                             ["Ana", "Bea", "Caro"])
            await ana.until(lambda e: present(e, "Caro"))

            # Leaving on B is seen on A.
            await bea.socket.send(json.dumps({"type": "leave"}))
            await ana.until(lambda e: "Bea" in e.get("left", []))
            for member in (ana, caro):
                await member.close()
        asyncio.run(run())

    def test_direct_messages_cross_nodes_and_reach_only_their_recipient(self):
        async def run():
            ana = await Member.join(self.a.port, "name=Ana")
            caro = await Member.join(self.a.port, "name=Caro")
            bea = await Member.join(self.b.port, "name=Bea")
            dan = await Member.join(self.b.port, "name=Dan")
            await ana.until(lambda e: e.get("count") == 4 or len(e.get("members", [])) == 4)
            await ana.say("secreto para Bea", to="Bea", clientId="dm-1")
            await bea.until(lambda e: e.get("message") == "secreto para Bea")
            await bea.say("secreto para Ana", to="ana")
            await ana.until(lambda e: e.get("message") == "secreto para Ana")
            await ana.say("para todos")
            for member in (caro, dan, bea):
                await member.until(lambda e: e.get("message") == "para todos")
            for member in (caro, dan):
                self.assertEqual(member.said(), [("Ana", "para todos")])
            # To nobody: told so, on either node.
            await dan.say("¿hola?", to="Nadie", clientId="dm-2")
            error = await dan.until(lambda e: e["type"] == "error")
            self.assertEqual((error["code"], error["clientId"]), ("no_such_member", "dm-2"))
            # A late joiner's history holds none of the direct messages.
            eva = await Member.join(self.b.port, "name=Eva")
            history = (await eva.until(lambda e: e["type"] == "history"))["messages"]
            self.assertEqual([m["message"] for m in history], ["para todos"])
            for member in (ana, caro, bea, dan, eva):
                await member.close()
        asyncio.run(run())

    def test_a_resend_through_the_other_node_is_stored_once(self):
        async def run():
            ana = await Member.join(self.a.port, "name=Ana&resume=")
            token = ana.of("welcome")[0]["resume"]
            await ana.say("una vez", clientId="c-1")
            first = await ana.until(lambda e: e["type"] == "ack")
            ana.socket.transport.abort()  # the connection drops; the name is held for Ana
            await ana.reader
            again = await Member.join(self.b.port, f"name=Ana&resume={token}&since=0")
            self.assertEqual(again.of("welcome")[0]["name"], "Ana")
            await again.say("una vez", clientId="c-1")
            second = await again.until(lambda e: e["type"] == "ack")
            self.assertEqual(second["id"], first["id"])
            caro = await Member.join(self.a.port, "name=Caro")
            history = (await caro.until(lambda e: e["type"] == "history"))["messages"]
            self.assertEqual([m["message"] for m in history], ["una vez"])
            for member in (again, caro):
                await member.close()
        asyncio.run(run())

    def test_restarting_redis_loses_nothing_acknowledged(self):
        async def run():
            ana = await Member.join(self.a.port, "name=Ana")
            bea = await Member.join(self.b.port, "name=Bea")
            for i in range(10):
                await (ana if i % 2 == 0 else bea).say(f"antes {i}", clientId=f"before-{i}")
            await ana.until(lambda e: e.get("message") == "antes 9")
            self.redis.stop()
            # Meanwhile a message cannot be stored: its sender is told, with its clientId.
            await ana.say("durante", clientId="during")
            error = await ana.until(lambda e: e["type"] == "error")
            self.assertEqual((error["code"], error["clientId"]), ("storage_failed", "during"))
            self.redis.start()
            # The nodes come back by themselves: a resend goes through once they have.
            deadline = time.monotonic() + 20
            while not any(e.get("clientId") == "during" for e in ana.of("ack")):
                self.assertLess(time.monotonic(), deadline, "node A never came back")
                await ana.say("durante", clientId="during")
                await asyncio.sleep(0.3)
            await bea.until(lambda e: e.get("message") == "durante", timeout=20)
            await bea.say("después", clientId="after")
            await ana.until(lambda e: e.get("message") == "después", timeout=20)
            caro = await Member.join(self.b.port, "name=Caro")
            history = (await caro.until(lambda e: e["type"] == "history"))["messages"]
            # Each once, each sender's in the order sent (the two nodes' interleave freely).
            said = [(m["name"], m["message"]) for m in history]
            for name, first in (("Ana", 0), ("Bea", 1)):
                self.assertEqual([text for who, text in said[:10] if who == name],
                                 [f"antes {i}" for i in range(first, 10, 2)])
            self.assertEqual(said[10:], [("Ana", "durante"), ("Bea", "después")])
            self.assertEqual([m["id"] for m in history], list(range(1, 13)))
            for member in (ana, bea, caro):
                await member.close()
        asyncio.run(run())


class BadRedisAddresses(unittest.TestCase):
    def run_server(self, url):
        return subprocess.run([os.environ["TERTULIA_SERVER"], "--port", "0", "--redis", url,
                               "--data-dir", scratch_directory()],
                              capture_output=True, text=True, timeout=30)

    def test_a_bad_or_unreachable_redis_is_said_and_nothing_starts(self):
        bad = self.run_server("http://127.0.0.1:6379")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("is not a Redis address: give redis://HOST:PORT or unix:///PATH", bad.stderr)
        gone = self.run_server("unix:///nonexistent/redis.sock")
        self.assertEqual(gone.returncode, 1)
        self.assertIn("Redis at unix:///nonexistent/redis.sock: No such file or directory",
                      gone.stderr)
        self.assertNotIn("Listening", gone.stdout)


class NodeStartedLater(unittest.TestCase):
    def test_a_node_started_later_knows_who_is_in_and_what_was_said(self):
        redis = RedisProcess()
        self.addCleanup(redis.stop)
        a = start_node(redis)
        self.addCleanup(a.stop)

        async def run():
            ana = await Member.join(a.port, "name=Ana")
            await ana.say("antes de B")
            await ana.until(lambda e: e["type"] == "ack")
            b = start_node(redis)
            self.addCleanup(b.stop)
            bea = await Member.join(b.port, "name=Bea")
            welcome = bea.of("welcome")[0]
            self.assertEqual(sorted(m["name"] for m in welcome["members"]), ["Ana", "Bea"])
            history = (await bea.until(lambda e: e["type"] == "history"))["messages"]
            self.assertEqual([m["message"] for m in history], ["antes de B"])
            await ana.until(lambda e: present(e, "Bea"))
            for member in (ana, bea):
                await member.close()
        asyncio.run(run())


class RemovalAcrossNodes(unittest.TestCase):
    def test_a_removal_on_one_node_holds_on_the_other(self):
        redis = RedisProcess()
        self.addCleanup(redis.stop)
        control = subprocess.Popen(
            [os.environ["TERTULIA_HOSTCONTROL"], "--port", "0", "--bind", "127.0.0.1",
             "--redis", redis.url, "--data-dir", redis.directory + "/control"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.addCleanup(control.stdout.close)
        self.addCleanup(control.stdin.close)
        self.addCleanup(control.wait)
        self.addCleanup(control.kill)
        port_a = int(control.stdout.readline().rstrip("/\n").rsplit(":", 1)[1])
        b = start_node(redis)
        self.addCleanup(b.stop)

        async def run():
            ana = await Member.join(port_a, "name=Ana")
            bea = await Member.join(b.port, "name=Bea&resume=")
            dan = await Member.join(b.port, "name=Dan")
            await ana.until(lambda e: present(e, "Dan"))
            control.stdin.write("remove Bea\n")
            control.stdin.flush()
            error = await bea.until(lambda e: e["type"] == "error")
            self.assertEqual(error["code"], "removed")
            await bea.reader
            self.assertEqual(bea.closed, 4006)
            for member in (ana, dan):
                await member.until(lambda e: "Bea" in e.get("left", []))
            # The room goes on for the others, across both nodes.
            await dan.say("seguimos")
            await ana.until(lambda e: e.get("message") == "seguimos")
            # Locked on A: nobody new on B either, told so; members still chat.
            control.stdin.write("lock\n")
            control.stdin.flush()
            deadline = time.monotonic() + 5
            while True:
                eva = await Member.join(b.port, "name=Eva")
                if eva.of("error"):
                    break
                await eva.close()
                self.assertLess(time.monotonic(), deadline, "the lock never reached B")
                await asyncio.sleep(0.05)
            self.assertEqual(eva.of("error")[0]["code"], "room_locked")
            await dan.say("cerrado pero seguimos")
            await ana.until(lambda e: e.get("message") == "cerrado pero seguimos")
            control.stdin.write("unlock\npassword clave secreta\n")
            control.stdin.flush()
            # A password set from A's window holds on B: asked for, refused if wrong, then in.
            deadline = time.monotonic() + 5
            while True:
                fay = await Member.join(b.port, "name=Fay")
                if fay.of("error") and fay.of("error")[0]["code"] == "password_required":
                    break
                await fay.close()
                self.assertLess(time.monotonic(), deadline, "the password never reached B")
                await asyncio.sleep(0.05)
            fay = Member(await websockets.connect(f"ws://127.0.0.1:{b.port}/ws"))
            await fay.socket.send(json.dumps({"type": "join", "name": "Fay",
                                              "password": "clave secreta"}))
            self.assertEqual((await fay.until(lambda e: e["type"] == "welcome"))["name"], "Fay")
            await fay.close()
            control.stdin.write("password\n")  # removed from the window: open again on B too
            control.stdin.flush()
            deadline = time.monotonic() + 5
            while True:
                gil = await Member.join(b.port, "name=Gil")
                if gil.of("welcome"):
                    break
                self.assertLess(time.monotonic(), deadline, "the removal never reached B")
                await asyncio.sleep(0.05)
            await gil.close()
            for member in (ana, dan):
                await member.close()
        asyncio.run(run())


class NodeKilled(unittest.TestCase):
    """Two nodes behind HAProxy; clients through it are on A (`balance first`)."""
    SENDERS = ("Uno", "Dos", "Tres", "Cuatro")
    MESSAGES_EACH = 100

    def setUp(self):
        redis = RedisProcess()
        self.addCleanup(redis.stop)
        self.a = start_node(redis, *FAST)
        self.addCleanup(self.a.stop)
        self.b = start_node(redis, *FAST)
        self.addCleanup(self.b.stop)
        self.balancer = Balancer([self.a.port, self.b.port])
        self.addCleanup(self.balancer.stop)

    def test_killing_a_node_loses_nothing_and_frees_its_names(self):
        a, b = self.a, self.b
        url = f"http://127.0.0.1:{self.balancer.port}/"
        probes = [Probe(url, name) for name in self.SENDERS]
        for probe in probes:
            self.addCleanup(probe.stop)
        wait_until(lambda: all(p.of("joined") for p in probes), 10, "everyone to join")

        async def watch():
            # On B, the whole time: sees a member of A who never comes back go away, then leave.
            quiet = await Member.join(a.port, "name=Quieto&resume=")
            watcher = await Member.join(b.port, "name=Vigia")
            await watcher.until(lambda e: present(e, "Quieto"))
            writers = [threading.Thread(target=self.stream, args=(p,)) for p in probes]
            for writer in writers:
                writer.start()
            while sum(len(p.of("ack")) for p in probes) < 80:
                await asyncio.sleep(0.02)
            a.process.send_signal(signal.SIGKILL)
            killed = time.monotonic()
            await watcher.until(lambda e: "Quieto" in e.get("left", []), timeout=25)
            left_after = time.monotonic() - killed
            # Its name is free again: someone else may take it, on B.
            again = await Member.join(b.port, "name=Quieto")
            self.assertEqual(again.of("welcome")[0]["name"], "Quieto")
            await asyncio.get_running_loop().run_in_executor(None, lambda: [
                w.join() for w in writers])
            for member in (watcher, again):
                await member.close()
            quiet.reader.cancel()
            return left_after

        left_after = asyncio.run(watch())
        self.assertLessEqual(left_after, 20)
        # The native clients came back through the balancer by themselves and sent everything.
        wait_until(lambda: all(len({e["clientId"] for e in p.of("ack")}) == self.MESSAGES_EACH
                               for p in probes), 60, "every message to be acknowledged")
        # All were on A (the balancer's first): each joined again, through B; nothing failed.
        moved = [p.name for p in probes if len(p.of("joined")) > 1]
        self.assertEqual(moved, list(self.SENDERS))
        self.assertEqual([p.of("failed") for p in probes], [[]] * len(probes))
        history = asyncio.run(whole_history(f"ws://127.0.0.1:{b.port}/ws?name=Auditor&since=0"))
        texts = [message["message"] for message in history]
        for probe in probes:
            sent = [f"{probe.name} {i}" for i in range(self.MESSAGES_EACH)]
            self.assertEqual([t for t in texts if t.startswith(probe.name + " ")], sent)
            stored_ids = {m["id"] for m in history if m["name"] == probe.name}
            self.assertTrue({e["id"] for e in probe.of("ack")} <= stored_ids)
        ids = [message["id"] for message in history]
        self.assertEqual(ids, sorted(set(ids)))
        print(f"Quieto left {left_after:.1f} s after node A was killed; {moved} moved to B; "
              f"stored {len(history)}")

    def test_a_rolling_restart_is_no_gap_for_anyone(self):
        a, b = self.a, self.b
        probe = Probe(f"http://127.0.0.1:{self.balancer.port}/", "Rueda")
        self.addCleanup(probe.stop)
        wait_until(lambda: probe.of("joined"), 10, "Rueda to join (on A)")

        async def run():
            watcher = await Member.join(b.port, "name=Vigia")
            await watcher.until(lambda e: present(e, "Rueda"))
            probe.send("antes del reinicio")
            await watcher.until(lambda e: e.get("message") == "antes del reinicio")
            a.process.send_signal(signal.SIGHUP)  # restarting: its members come back elsewhere
            self.assertEqual(a.process.wait(timeout=10), 0)
            probe.send("después del reinicio")
            await watcher.until(lambda e: e.get("message") == "después del reinicio", timeout=20)
            await asyncio.sleep(1)
            # Rueda never left: no notice, and present all along as the watcher sees the room.
            self.assertFalse([e for e in watcher.events if "Rueda" in e.get("left", [])])
            await watcher.close()

        asyncio.run(run())
        self.assertEqual(len(probe.of("joined")), 2)
        self.assertEqual(probe.of("failed"), [])

    def stream(self, probe):
        for i in range(self.MESSAGES_EACH):
            probe.send(f"{probe.name} {i}")
            time.sleep(0.01)


if __name__ == "__main__":
    unittest.main(verbosity=2)
