"""A member who sends files the way the protocol says (docs/PROTOCOL.md, "Files"), over
Debian's python3-websockets, and small real files to send: PNG and JPEG carrying metadata, an
SVG with a script, a decompression bomb."""

import asyncio
import hashlib
import http.client
import json
import struct
import subprocess
import tempfile
import zlib

import websockets

TIMEOUT = 15


class Member:
    def __init__(self, socket, welcome):
        self.socket = socket
        self.welcome = welcome
        self.key = welcome["fileKey"]
        self.seen = []  # every event, in order

    @classmethod
    async def join(cls, host, name, resume=None, source="127.0.0.1"):
        """Joins from the loopback address `source` (127.0.0.0/8: a device of its own)."""
        query = f"name={name}" + (f"&resume={resume}" if resume is not None else "")
        socket = await websockets.connect(host.socket_url(query), max_size=None,
                                          local_addr=(source, 0))
        while True:
            event = json.loads(await asyncio.wait_for(socket.recv(), TIMEOUT))
            if event["type"] == "welcome":
                return cls(socket, event)

    async def next(self, wanted, condition=lambda event: True):
        while True:
            event = json.loads(await asyncio.wait_for(self.socket.recv(), TIMEOUT))
            self.seen.append(event)
            if event["type"] == wanted and condition(event):
                return event

    async def offer(self, name, data, to=None, upload=None, sha256=True, client_id="f1"):
        offer = {"type": "file_offer", "file": name, "size": len(data), "clientId": client_id}
        if to:
            offer["to"] = to
        if upload:
            offer["upload"] = upload
        if sha256:
            offer["sha256"] = hashlib.sha256(data).hexdigest()
        await self.socket.send(json.dumps(offer))
        return await self.next_answer(client_id)

    async def next_answer(self, client_id):
        """The host's answer to an offer: file_accepted or the error that refused it."""
        while True:
            event = json.loads(await asyncio.wait_for(self.socket.recv(), TIMEOUT))
            self.seen.append(event)
            if event["type"] in ("file_accepted", "error") and event.get("clientId") == client_id:
                return event

    async def next_answer_of(self, client_id, types, timeout=TIMEOUT):
        """The next event of one of `types` that answers `client_id`."""
        while True:
            event = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            self.seen.append(event)
            if event["type"] in types and event.get("clientId") == client_id:
                return event

    async def send_bytes(self, accepted, data, stop_at=None):
        """Sends from the accepted offset on, a window of chunks ahead, until `stop_at` bytes
        are acknowledged (or all of them). Returns the bytes acknowledged."""
        upload, chunk, window = accepted["upload"], accepted["chunkBytes"], accepted["window"]
        end = len(data) if stop_at is None else stop_at
        sent = acknowledged = accepted["offset"]
        while acknowledged < end:
            while sent < end and sent - acknowledged < window * chunk:
                piece = data[sent:min(sent + chunk, end)]
                await self.socket.send(chunk_frame(upload, sent, piece))
                sent += len(piece)
            progress = await self.next("file_progress", lambda e: e["upload"] == upload)
            acknowledged = progress["received"]
        return acknowledged

    async def upload(self, name, data, to=None, client_id="f1"):
        accepted = await self.offer(name, data, to=to, client_id=client_id)
        assert accepted["type"] == "file_accepted", accepted
        await self.send_bytes(accepted, data)
        await self.next("ack", lambda e: e.get("clientId") == client_id)
        return accepted["upload"]

    async def close(self):
        await self.socket.close()


def chunk_frame(upload, offset, piece):
    return bytes.fromhex(upload) + struct.pack(">Q", offset) + piece


def get(host, path, key=None, method="GET", headers=None):
    """(status, headers, body) of one HTTP request to the host."""
    connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=TIMEOUT)
    target = path + (f"?key={key}" if key else "")
    connection.request(method, target, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def png(width, height, extra_chunks=(), bit_depth=8, colour=2):
    """A real PNG; colour 2 is RGB, 0 greyscale. Rows of zeros compress to almost nothing."""
    bytes_per_row = (width * (3 if colour == 2 else 1) * bit_depth + 7) // 8
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * bytes_per_row
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + b"".join(extra_chunks)
            + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b""))


def png_with_metadata(marker):
    """A 64x48 PNG with an eXIf chunk and a text chunk holding `marker`."""
    return png(64, 48, [png_chunk(b"eXIf", b"MM\x00*" + marker),
                        png_chunk(b"tEXt", b"Comment\x00" + marker)])


def jpeg_with_gps(marker):
    """A JPEG (ImageMagick's) with an APP1 Exif segment holding `marker` where GPS data goes."""
    with tempfile.NamedTemporaryFile(suffix=".jpg") as out:
        subprocess.run(["/usr/bin/convert", "-size", "80x60", "gradient:blue-yellow",
                        out.name], check=True)
        jpeg = open(out.name, "rb").read()
    exif = b"Exif\x00\x00" + b"MM\x00*\x00\x00\x00\x08" + marker
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    return jpeg[:2] + app1 + jpeg[2:]


SVG_WITH_SCRIPT = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                   b'<script>document.title = "owned"</script><rect width="10" height="10"/>'
                   b'</svg>')
