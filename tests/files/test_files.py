"""Files in the room, against a real tertulia-server: sent over the WebSocket in binary
frames, stored under the data directory, served over HTTP to members only, pictures re-encoded
without their metadata, everything else only ever a download; resumed after a dropped
connection and after SIGKILL; refused clearly when too big; removed with their messages."""

import asyncio
import hashlib
import json
import os
import signal
import socket
import sys
import threading
import time
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess, status_kb  # noqa: E402
from filetools import (Member, SVG_WITH_SCRIPT, get, jpeg_with_gps, png,  # noqa: E402
                       png_with_metadata)

MARKER = b"GPS-52.5200N-13.4050E"
FILE_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy", "cross-origin-resource-policy")


def files_dir(host):
    return os.path.join(host.data_dir, "files")


def raw_answer(host, request):
    """(status, headers, body) of whatever the host answers to the bytes `request`."""
    with socket.create_connection(("127.0.0.1", host.port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def stored_names(host):
    return sorted(os.listdir(files_dir(host)))


class Files(unittest.IsolatedAsyncioTestCase):
    host_args = ("--port", "0")

    def setUp(self):
        self.host = HostProcess(args=self.host_args)

    def tearDown(self):
        self.assertEqual(self.host.stop(), 0)

    async def test_picture_reaches_the_room_without_its_metadata(self):
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea")
        for name, data, served_type in (("foto.png", png_with_metadata(MARKER), "image/png"),
                                        ("foto.jpg", jpeg_with_gps(MARKER), "image/jpeg")):
            upload = await ana.upload(name, data, client_id=name)
            announced = await bea.next("upload", lambda e: e["upload"] == upload)
            self.assertEqual((announced["name"], announced["file"], announced["size"]),
                             ("Ana", name, len(data)))
            message = (await bea.next("message"))
            file = message["file"]
            self.assertEqual((message["name"], message["message"]), ("Ana", name))
            self.assertEqual((file["name"], file["type"]), (name, served_type))
            self.assertEqual((file["width"], file["height"]), (64, 48) if name.endswith("png")
                             else (80, 60))
            status, headers, body = get(self.host, file["url"], bea.key)
            self.assertEqual(status, 200)
            self.assertEqual(headers["content-type"], served_type)
            self.assertTrue(headers["content-disposition"].startswith("inline"))
            self.assertEqual(headers["x-content-type-options"], "nosniff")
            self.assertEqual(headers["content-security-policy"], FILE_POLICY)
            self.assertEqual(headers["cross-origin-resource-policy"], "same-origin")
            self.assertNotIn(MARKER, body, "the served copy still carries the metadata")
            self.assertEqual(len(body), file["size"])
            status, headers, thumb = get(self.host, file["thumb"], bea.key)
            self.assertEqual(status, 200)
            self.assertIn(headers["content-type"], ("image/jpeg", "image/png"))
            self.assertNotIn(MARKER, thumb)
            # Without a member's key, or with a made-up one, there is no such file.
            self.assertEqual(get(self.host, file["url"])[0], 404)
            self.assertEqual(get(self.host, file["url"], "0" * 32)[0], 404)
        await ana.close()
        await bea.close()

    async def test_svg_with_a_script_is_only_ever_a_download(self):
        ana = await Member.join(self.host, "Ana")
        # Declared as a picture by its name; judged by its bytes.
        await ana.upload("dibujo.svg", SVG_WITH_SCRIPT)
        late = await Member.join(self.host, "Cid")
        file = (await late.next("history"))["messages"][-1]["file"]
        self.assertEqual(file["type"], "application/octet-stream")
        self.assertNotIn("thumb", file)
        status, headers, body = get(self.host, file["url"], late.key)
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/octet-stream")
        self.assertTrue(headers["content-disposition"].startswith("attachment;"))
        self.assertIn("filename*=UTF-8''dibujo.svg", headers["content-disposition"])
        self.assertEqual(headers["content-security-policy"], FILE_POLICY)
        self.assertEqual(body, SVG_WITH_SCRIPT)
        self.assertEqual(get(self.host, f"/files/{file['id']}/thumb", late.key)[0], 404)
        await ana.close()
        await late.close()

    async def test_ranges_and_head(self):
        ana = await Member.join(self.host, "Ana")
        data = os.urandom(700_000)
        await ana.upload("datos.bin", data)
        bea = await Member.join(self.host, "Bea")
        url = (await bea.next("history"))["messages"][-1]["file"]["url"]
        status, headers, body = get(self.host, url, bea.key, headers={"Range": "bytes=100-199"})
        self.assertEqual((status, headers["content-range"], body),
                         (206, f"bytes 100-199/{len(data)}", data[100:200]))
        status, _, body = get(self.host, url, bea.key, headers={"Range": "bytes=-10"})
        self.assertEqual((status, body), (206, data[-10:]))
        status, _, body = get(self.host, url, bea.key, headers={"Range": "bytes=699990-"})
        self.assertEqual((status, body), (206, data[699990:]))
        status, headers, _ = get(self.host, url, bea.key, headers={"Range": "bytes=900000-"})
        self.assertEqual((status, headers["content-range"]), (416, f"bytes */{len(data)}"))
        status, headers, body = get(self.host, url, bea.key, method="HEAD")
        self.assertEqual((status, headers["content-length"], body), (200, str(len(data)), b""))
        status, _, body = get(self.host, url, bea.key)
        self.assertEqual(hashlib.sha256(body).digest(), hashlib.sha256(data).digest())
        self.assertEqual(get(self.host, url, bea.key, method="DELETE")[0], 405)
        await ana.close()
        await bea.close()

    async def test_every_answer_carries_the_security_headers(self):
        ana = await Member.join(self.host, "Ana")
        await ana.upload("datos.bin", b"0123456789")
        url = next(e for e in ana.seen if e["type"] == "ack")["file"]["url"]
        answers = {
            "file": get(self.host, url, ana.key),
            "file 416": get(self.host, url, ana.key, headers={"Range": "bytes=99-"}),
            "file 404": get(self.host, "/files/" + "ab" * 16 + "/x.bin", ana.key),
            "file 405": get(self.host, url, ana.key, method="DELETE"),
            "page": get(self.host, "/"),
            "room": get(self.host, "/room"),
            "unknown path": get(self.host, "/nothing-here"),
            "page 405": get(self.host, "/", method="POST"),
            "bad request": raw_answer(self.host, b"NOT HTTP AT ALL\r\n\r\n"),
        }
        for what, (status, headers, _) in answers.items():
            for header in SECURITY_HEADERS:
                self.assertIn(header, headers, f"{what} ({status}) lacks {header}")
            self.assertEqual(headers["x-frame-options"], "DENY", what)
            self.assertEqual(headers["referrer-policy"], "no-referrer", what)
        self.assertEqual([a[0] for a in answers.values()],
                         [200, 416, 404, 405, 200, 200, 404, 405, 400])
        await ana.close()

    async def test_bidi_and_format_characters_leave_a_file_name(self):
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea")
        # Shown as "invoiceexe.jpg" if U+202E stayed; the zero-width and isolate marks likewise.
        await ana.upload("invoice\u202egpj.exe", b"MZ not really", client_id="rlo")
        await ana.upload("\u2066a\u200bb\u2069\u200e.txt", b"text", client_id="iso")
        names = []
        for _ in range(2):
            file = (await bea.next("message", lambda e: "file" in e))["file"]
            names.append(file["name"])
            disposition = get(self.host, file["url"], bea.key)[1]["content-disposition"]
            self.assertNotIn("%E2%80", disposition)
        self.assertEqual(names, ["invoicegpj.exe", "ab.txt"])
        history = (await (await Member.join(self.host, "Cid")).next("history"))["messages"]
        self.assertEqual([m["file"]["name"] for m in history], names)
        await ana.close()
        await bea.close()

    async def test_dropped_connection_goes_on_where_it_stopped_and_chat_flows(self):
        ana = await Member.join(self.host, "Ana", resume="")
        bea = await Member.join(self.host, "Bea")
        data = os.urandom(3 * 1024 * 1024 + 17)
        accepted = await ana.offer("video.mp4", data, client_id="v1")
        acknowledged = await ana.send_bytes(accepted, data, stop_at=1024 * 1024)
        # Meanwhile the room keeps talking, both ways.
        await bea.socket.send('{"name": "Bea", "message": "still here"}')
        self.assertEqual((await ana.next("message"))["message"], "still here")
        token = ana.welcome["resume"]
        ana.socket.transport.abort()  # the Wi-Fi drops
        # The others stop seeing it go up...
        await bea.next("upload", lambda e: e["upload"] == accepted["upload"] and e.get("ended"))
        ana = await Member.join(self.host, "Ana", resume=token)
        again = await ana.offer("video.mp4", data, upload=accepted["upload"], client_id="v1")
        # ...until it goes on.
        going = await bea.next("upload", lambda e: e["upload"] == accepted["upload"])
        self.assertEqual((going.get("ended", False), going["received"]), (False, acknowledged))
        self.assertEqual(again["type"], "file_accepted")
        self.assertEqual(again["offset"], acknowledged, "resumed from elsewhere than stored")
        await ana.send_bytes(again, data)
        await ana.next("ack", lambda e: e.get("clientId") == "v1")
        file = (await bea.next("message", lambda e: "file" in e))["file"]
        body = get(self.host, file["url"], bea.key)[2]
        self.assertEqual(hashlib.sha256(body).hexdigest(), hashlib.sha256(data).hexdigest())
        self.assertEqual([n for n in stored_names(self.host) if n.endswith(".part")], [])
        await ana.close()
        await bea.close()

    async def test_direct_message_file_is_for_its_two_parties_only(self):
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea")
        cid = await Member.join(self.host, "Cid")
        await ana.upload("secreto.pdf", b"%PDF-1.4 just for Bea", to="Bea")
        file = (await bea.next("message", lambda e: "file" in e))["file"]
        self.assertEqual(get(self.host, file["url"], bea.key)[0], 200)
        self.assertEqual(get(self.host, file["url"], ana.key)[0], 200)
        self.assertEqual(get(self.host, file["url"], cid.key)[0], 404)
        await cid.socket.send('{"type": "history", "limit": 50}')
        history = await cid.next("history")
        self.assertFalse(any("file" in m for m in history["messages"]))
        self.assertFalse(any(e["type"] in ("upload", "message") for e in cid.seen))
        for member in (ana, bea, cid):
            await member.close()

    async def test_a_newcomer_under_a_partys_name_reads_none_of_it(self):
        # Direct messages and their files belong to the member (the holder of the resume
        # token), not to the name's spelling: Bea leaves, someone joins as "BEA" asking for
        # everything since the start, and finds neither; Bea comes back with her token later,
        # as a new connection after the name was free, and finds both.
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea", resume="")
        token = bea.welcome["resume"]
        await ana.socket.send(json.dumps({"message": "solo para Bea", "to": "Bea",
                                          "clientId": "dm1"}))
        await ana.next("ack", lambda e: e.get("clientId") == "dm1")
        await ana.upload("secreto.pdf", b"%PDF-1.4 just for Bea", to="Bea", client_id="f2")
        url = (await bea.next("message", lambda e: "file" in e))["file"]["url"]
        self.assertEqual(get(self.host, url, bea.key)[0], 200)
        await bea.socket.send('{"type": "leave"}')
        await bea.close()
        await ana.next("presence", lambda e: "Bea" in e.get("left", []))

        async def history_of(member):
            await member.socket.send('{"type": "history", "limit": 100}')
            return (await member.next("history"))["messages"]

        newcomer = await Member.join(self.host, "BEA&since=0", resume="")
        self.assertEqual(newcomer.welcome["name"], "BEA")
        seen = [m.get("message") for m in await history_of(newcomer)]
        seen += [e.get("message") for e in newcomer.seen if e["type"] == "message"]
        self.assertNotIn("solo para Bea", seen)
        self.assertNotIn("secreto.pdf", seen)
        self.assertEqual(get(self.host, url, newcomer.key)[0], 404)
        await newcomer.socket.send('{"type": "leave"}')
        await newcomer.close()
        await ana.next("presence", lambda e: "BEA" in e.get("left", []))

        back = await Member.join(self.host, "Bea", resume=token)
        self.assertEqual(back.welcome["resume"], token)
        texts = [m.get("message") for m in await history_of(back)]
        self.assertIn("solo para Bea", texts)
        self.assertIn("secreto.pdf", texts)
        self.assertEqual(get(self.host, url, back.key)[0], 200)
        await back.close()
        await ana.close()

    async def test_a_link_keeps_working_after_the_host_restarts(self):
        # Issue 30: after kill -9 and a restart the pages came back by themselves, but links
        # drawn before carried the old key and got 404. A member's key is the same member's
        # after a restart; a newcomer under the name gets another.
        ana = await Member.join(self.host, "Ana", resume="")
        bea = await Member.join(self.host, "Bea", resume="")
        await ana.upload("plano.pdf", b"%PDF-1.4 the plan", client_id="f3")
        url = (await bea.next("message", lambda e: "file" in e))["file"]["url"]
        old_key, token = bea.key, bea.welcome["resume"]
        port, data_dir = self.host.port, self.host.data_dir
        self.host.process.kill()
        self.host.process.wait()
        self.host.stop()
        self.host = HostProcess(args=("--port", str(port)), data_dir=data_dir)
        back = await Member.join(self.host, "Bea", resume=token)
        self.assertEqual(back.key, old_key)
        status, _, body = get(self.host, url, old_key)
        self.assertEqual((status, body), (200, b"%PDF-1.4 the plan"))
        await back.socket.send('{"type": "leave"}')
        await back.close()
        # Not someone else's: a newcomer under her name, once it is free, has its own key, and
        # hers opens nothing once she left.
        newcomer = None
        for _ in range(50):
            try:
                newcomer = await Member.join(self.host, "BEA", resume="")
                break
            except (websockets.exceptions.ConnectionClosed, asyncio.TimeoutError):
                await asyncio.sleep(0.1)
        self.assertIsNotNone(newcomer)
        self.assertNotEqual(newcomer.key, old_key)
        self.assertEqual(get(self.host, url, old_key)[0], 404)
        self.assertEqual(get(self.host, url, newcomer.key)[0], 200)  # a room file
        await newcomer.close()
        await ana.close()

    async def test_a_bogus_piece_is_refused_and_costs_nobody_else(self):
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea")
        await ana.socket.send(bytes(40))  # a "chunk" of no upload
        self.assertEqual((await ana.next("error"))["code"], "upload_unknown")
        data = b"0123456789"
        accepted = await ana.offer("short.txt", data, sha256=False)
        frame = bytes.fromhex(accepted["upload"]) + (0).to_bytes(8, "big") + data + b"extra"
        await ana.socket.send(frame)  # more bytes than offered
        self.assertEqual((await ana.next("error"))["code"], "file_damaged")
        accepted = await ana.offer("wrong.txt", data, client_id="w")
        frame = bytes.fromhex(accepted["upload"]) + (0).to_bytes(8, "big") + b"9876543210"
        await ana.socket.send(frame)  # not the bytes its SHA-256 promised
        self.assertEqual((await ana.next("error", lambda e: e.get("clientId") == "w"))["code"],
                         "file_damaged")
        await bea.socket.send('{"name": "Bea", "message": "fine here"}')
        self.assertEqual((await ana.next("message"))["message"], "fine here")
        self.assertFalse(any(e["type"] == "message" and "file" in e for e in bea.seen))
        self.assertEqual(stored_names(self.host), [])
        await ana.close()
        await bea.close()

    async def test_a_stream_of_bogus_pieces_is_cut_off_as_a_flood(self):
        ana = await Member.join(self.host, "Ana")
        bea = await Member.join(self.host, "Bea")
        try:
            for _ in range(300):
                await ana.socket.send(bytes(40))  # pieces of no upload, as fast as it can
        except websockets.ConnectionClosed:
            pass
        told = []
        with self.assertRaises(websockets.ConnectionClosed) as closed:
            while True:
                told.append(json.loads(await asyncio.wait_for(ana.socket.recv(), 15)))
        self.assertEqual(closed.exception.rcvd.code, 1008)
        codes = [event.get("code") for event in told if event["type"] == "error"]
        self.assertIn("upload_unknown", codes)  # told what was wrong while within the rate
        self.assertEqual(codes[-1], "rate_limited")  # and why it was cut off
        await bea.socket.send('{"name": "Bea", "message": "still chatting"}')
        self.assertIsInstance((await bea.next("ack"))["id"], int)
        await bea.close()

    async def test_decompression_bomb_is_refused_and_the_host_stays_small(self):
        ana = await Member.join(self.host, "Ana")
        before = status_kb(self.host.process.pid, "VmHWM")
        bomb = png(60_000, 60_000, bit_depth=1, colour=0)  # 3.6 gigapixels in under 1 MB
        self.assertLess(len(bomb), 2 * 1024 * 1024)
        accepted = await ana.offer("bomb.png", bomb, client_id="bomb")
        await ana.send_bytes(accepted, bomb)
        error = await ana.next("error", lambda e: e.get("clientId") == "bomb")
        self.assertEqual(error["code"], "picture_unreadable")
        self.assertLess(status_kb(self.host.process.pid, "VmHWM") - before, 64 * 1024)
        self.assertEqual(stored_names(self.host), [])
        await ana.socket.send('{"name": "Ana", "message": "still fine"}')
        await ana.next("ack")
        await ana.close()


class DecoderWatch(threading.Thread):
    """Samples the host's tertulia-picture children every 20 ms: how many at once at most, and
    their resident memory together at most."""

    def __init__(self, host_pid):
        super().__init__(daemon=True)
        self.host_pid, self.most, self.most_kb, self.running = host_pid, 0, 0, True

    def decoders(self):
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.host_pid:
                    found.append(int(pid))
            except (OSError, IndexError):
                pass
        return found

    def run(self):
        while self.running:
            pids = self.decoders()
            total = 0
            for pid in pids:
                try:
                    total += status_kb(pid, "VmRSS")
                except (OSError, RuntimeError):
                    pass
            self.most, self.most_kb = max(self.most, len(pids)), max(self.most_kb, total)
            time.sleep(0.02)


class Pictures(unittest.IsolatedAsyncioTestCase):
    async def test_big_pictures_wait_their_turn_for_a_decoder(self):
        # 182 KB each, 7,900 x 7,900 decoded: 250 MB of pixels apiece.
        big = png(7900, 7900)
        host = HostProcess()
        watch = DecoderWatch(host.process.pid)
        watch.start()
        try:
            ana = await Member.join(host, "Ana")
            bea = await Member.join(host, "Bea")
            cid = await Member.join(host, "Cid")
            for sender, client_id in ((ana, "a1"), (ana, "a2"), (ana, "a3"), (bea, "b1")):
                accepted = await sender.offer(f"{client_id}.png", big, client_id=client_id)
                await sender.send_bytes(accepted, big)
            # Cid keeps chatting meanwhile.
            await cid.socket.send('{"name": "Cid", "message": "still quick"}')
            await cid.next("ack")
            stages = []
            for sender, client_ids in ((ana, ("a1", "a2", "a3")), (bea, ("b1",))):
                for client_id in client_ids:  # answered in whichever order they finish
                    answer = next((e for e in sender.seen if e["type"] in ("ack", "error")
                                   and e.get("clientId") == client_id), None)
                    answer = answer or await sender.next_answer_of(client_id, ("ack", "error"))
                    self.assertEqual(answer["type"], "ack", answer)
                    self.assertEqual(answer["file"]["width"], 7900)
                stages += [e for e in sender.seen
                           if e["type"] == "file_progress" and "stage" in e]
            waiting = [e for e in stages if e["stage"] == "waiting"]
            self.assertTrue(waiting, "nobody was told their picture waits")
            self.assertTrue(all(e["received"] == len(big) for e in waiting))
            self.assertEqual(len([e for e in stages if e["stage"] == "processing"]), 4)
        finally:
            watch.running = False
            watch.join()
            self.assertEqual(host.stop(), 0)
        self.assertGreater(watch.most, 0, "no decoder was ever seen")
        self.assertLessEqual(watch.most, 2)
        # Two at once at most, each ~265 MB (measured): four used to take 2 GB together.
        self.assertLess(watch.most_kb, 700 * 1024)


MB = 1024 * 1024


class Limits(unittest.IsolatedAsyncioTestCase):
    async def test_bytes_on_their_way_are_capped_per_member_address_and_room(self):
        host = HostProcess(args=("--port", "0", "--max-file-size", str(10 * MB),
                                 "--files-cap", str(30 * MB)))
        try:
            six, nine = bytes(6 * MB), bytes(9 * MB)
            members = {}
            for name, source in (("Ana", "127.0.0.1"), ("Bea", "127.0.0.1"),
                                 ("Cid", "127.0.0.1"), ("Dan", "127.0.0.2"), ("Eve", "127.0.0.3")):
                members[name] = await Member.join(host, name, source=source)
            answers = [
                await members["Ana"].offer("1.bin", six, client_id="1"),  # Ana: 6 of 10
                await members["Ana"].offer("2.bin", six, client_id="2"),  # Ana: 12 > 10
                await members["Bea"].offer("3.bin", nine, client_id="3"),  # 127.0.0.1: 15 of 20
                await members["Cid"].offer("4.bin", nine, client_id="4"),  # 127.0.0.1: 24 > 20
                await members["Dan"].offer("5.bin", nine, client_id="5"),  # room: 24 of 30
                await members["Eve"].offer("6.bin", nine, client_id="6"),  # room: 33 > 30
            ]
            self.assertEqual([a.get("code", a["type"]) for a in answers],
                             ["file_accepted", "too_many_uploads", "file_accepted",
                              "too_many_uploads", "file_accepted", "too_many_uploads"])
            self.assertIn("10 MB", answers[1]["reason"])
            # Bea finishes hers: the address has room again.
            await members["Bea"].send_bytes(answers[2], nine)
            await members["Bea"].next("ack", lambda e: e.get("clientId") == "3")
            again = await members["Cid"].offer("4.bin", nine, client_id="4b")
            self.assertEqual(again["type"], "file_accepted", again)
            for member in members.values():
                await member.close()
        finally:
            self.assertEqual(host.stop(), 0)

    async def test_over_the_file_limit_is_refused_and_nothing_stored(self):
        host = HostProcess(args=("--port", "0", "--max-file-size", "100000"))
        try:
            ana = await Member.join(host, "Ana")
            self.assertEqual(ana.welcome["limits"]["fileBytes"], 100000)
            refused = await ana.offer("big.iso", bytes(100001), client_id="big")
            self.assertEqual(refused["type"], "error")
            self.assertEqual(refused["code"], "file_too_big")
            self.assertIn("0.1 MB", refused["reason"])
            self.assertEqual(stored_names(host), [])
            await ana.close()
        finally:
            self.assertEqual(host.stop(), 0)

    async def test_a_nearly_full_disk_refuses_the_file(self):
        host = HostProcess(args=("--port", "0", "--min-free-disk", str(10**15)))
        try:
            ana = await Member.join(host, "Ana")
            refused = await ana.offer("photo.png", png(8, 8))
            self.assertEqual(refused["code"], "disk_full")
            self.assertEqual(stored_names(host), [])
            await ana.close()
        finally:
            self.assertEqual(host.stop(), 0)

    async def test_the_room_cap_removes_the_oldest_files(self):
        host = HostProcess(args=("--port", "0", "--files-cap", "1000000"))
        try:
            ana = await Member.join(host, "Ana")
            await ana.upload("one.bin", os.urandom(600_000), client_id="1")
            bea = await Member.join(host, "Bea")
            old = (await bea.next("history"))["messages"][-1]["file"]
            await ana.upload("two.bin", os.urandom(600_000), client_id="2")
            new = (await bea.next("message", lambda e: "file" in e))["file"]
            self.assertEqual(get(host, old["url"], bea.key)[0], 404)
            self.assertEqual(get(host, new["url"], bea.key)[0], 200)
            self.assertEqual(stored_names(host), [new["id"]])
            await ana.close()
            await bea.close()
        finally:
            self.assertEqual(host.stop(), 0)


class Restarts(unittest.IsolatedAsyncioTestCase):
    async def test_sigkill_mid_upload_loses_nothing_acknowledged_and_leaves_no_orphan(self):
        host = HostProcess()
        data = os.urandom(2 * 1024 * 1024 + 5)
        ana = await Member.join(host, "Ana", resume="")
        accepted = await ana.offer("backup.tar", data, client_id="t")
        acknowledged = await ana.send_bytes(accepted, data, stop_at=1024 * 1024)
        # Strays that no record owns: a part and a file, as a crash at the wrong moment leaves.
        open(os.path.join(files_dir(host), "ab" * 16 + ".part"), "wb").write(b"x")
        open(os.path.join(files_dir(host), "cd" * 16), "wb").write(b"y")
        host.process.send_signal(signal.SIGKILL)
        host.process.wait()
        token = ana.welcome["resume"]
        restarted = HostProcess(args=("--port", str(host.port)), data_dir=host.data_dir)
        try:
            self.assertEqual(stored_names(restarted), [accepted["upload"] + ".part"])
            ana = await Member.join(restarted, "Ana", resume=token)
            again = await ana.offer("backup.tar", data, upload=accepted["upload"], client_id="t")
            self.assertGreaterEqual(again["offset"], acknowledged)
            await ana.send_bytes(again, data)
            await ana.next("ack", lambda e: e.get("clientId") == "t")
            bea = await Member.join(restarted, "Bea")
            file = (await bea.next("history"))["messages"][-1]["file"]
            body = get(restarted, file["url"], bea.key)[2]
            self.assertEqual(hashlib.sha256(body).digest(), hashlib.sha256(data).digest())
            self.assertEqual(stored_names(restarted), [file["id"]])
            await ana.close()
            await bea.close()
        finally:
            self.assertEqual(restarted.stop(), 0)

    async def test_retention_removes_files_with_their_messages(self):
        host = HostProcess()
        ana = await Member.join(host, "Ana")
        await ana.upload("old.png", png(32, 32))
        file = next(e for e in ana.seen if e["type"] == "upload")
        for n in range(4):
            await ana.socket.send(f'{{"name": "Ana", "message": "m{n}"}}')
            await ana.next("ack")
        self.assertEqual(len(stored_names(host)), 2)  # the picture and its thumbnail
        await ana.close()
        self.assertEqual(host.stop(), 0)
        restarted = HostProcess(args=("--port", "0", "--history", "3"), data_dir=host.data_dir)
        try:
            deadline = time.monotonic() + 10
            while stored_names(restarted) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            self.assertEqual(stored_names(restarted), [], file)
        finally:
            self.assertEqual(restarted.stop(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
