#!/usr/bin/env python3
"""Flood benchmark: how promptly do members' messages arrive while one client floods?

Starts a real tertulia-server with its default limits, lets two members exchange a message
every 150 ms, within the default rate limit (latency measured from the timestamp each message carries), first with nobody
else in the room, then while a third client sends as fast as its socket allows. Prints the
members' latency percentiles for both runs and the ratio. Usage:
    python3 bench/flood_latency.py [path/to/tertulia-server] [seconds]
"""

import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "support"))
import websockets  # noqa: E402
from hostprocess import HostProcess  # noqa: E402


def flooder(port, seconds):
    """A raw client that writes masked text frames as fast as the kernel takes them."""
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /ws?name=Flood HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
              b"Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
              b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    s.recv(4096)
    payload = json.dumps({"message": "flood " + "x" * 200}).encode()
    frame = bytes([0x81, 0x80 | len(payload)]) + b"\0\0\0\0" + payload  # zero mask
    deadline = time.monotonic() + seconds
    sent = 0
    try:
        while time.monotonic() < deadline:
            s.sendall(frame * 50)
            sent += 50
    except OSError:
        pass  # disconnected by the host for flooding: the expected outcome
    print(f"  flooder wrote {sent} messages before it stopped or was cut off", flush=True)


async def members(port, seconds):
    url = f"ws://127.0.0.1:{port}/ws"
    latencies = []
    async with websockets.connect(url + "?name=Ana") as ana, \
            websockets.connect(url + "?name=Bea") as bea:
        async def listen():
            while True:
                event = json.loads(await bea.recv())
                if event["type"] == "message" and event["name"] == "Ana":
                    sent = float(event["message"])
                    latencies.append((time.perf_counter() - sent) * 1000)

        listener = asyncio.create_task(listen())
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            await ana.send(json.dumps({"message": repr(time.perf_counter())}))
            await asyncio.sleep(0.15)
        await asyncio.sleep(0.5)
        listener.cancel()
    return latencies


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def run(server, seconds, flood):
    host = HostProcess(server, ("--port", "0", "--bind", "127.0.0.1"))
    try:
        process = None
        if flood:
            process = multiprocessing.Process(target=flooder, args=(host.port, seconds))
            process.start()
        latencies = asyncio.run(members(host.port, seconds))
        if process:
            process.join()
    finally:
        host.stop()
    return latencies


def main():
    server = sys.argv[1] if len(sys.argv) > 1 else "build/app/tertulia-server"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows = []
    for label, flood in (("quiet room", False), ("one client flooding", True)):
        print(f"{label}:", flush=True)
        latencies = run(server, seconds, flood)
        rows.append((label, len(latencies), statistics.median(latencies),
                     percentile(latencies, 99), max(latencies)))
    print(f"\n{'':22}{'delivered':>10}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, count, p50, p99, worst in rows:
        print(f"{label:22}{count:>10}{p50:>9.2f}{p99:>9.2f}{worst:>9.2f}")
    print(f"\np99 with a flooder / p99 quiet: {rows[1][3] / rows[0][3]:.2f}x")


if __name__ == "__main__":
    main()
