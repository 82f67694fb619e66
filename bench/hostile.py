#!/usr/bin/python3
"""Hostile-member scenarios, measured from a bystander's seat (issue 28):

(r) 1,000 members who never read (4 KB receive buffers) while three others send 16 KB
    messages at 10 a second each for 10 s: a bystander's latency (p50, p99, max), the kernel's
    TCP memory (/proc/net/sockstat), the server's peak RSS, and how many readers were cut off.
    Against tertulia-server, the seeds' FastAPI server and Node ws, same load, same run.
(p) 49 loopback addresses guessing the room's password for 8 s: the bystander's latency with
    and without the crowd, and how many guesses were checked (Tertulia only: the peers have no
    passwords).
    /usr/bin/python3 bench/hostile.py [--build build] [--out build/bench-results] [--quick]
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests" / "support"))
import websockets  # noqa: E402
from run import NAMES, Server, raise_fd_limit  # noqa: E402

BIG = "y" * 15900


def kernel_tcp_mb():
    with open("/proc/net/sockstat") as stat:
        for line in stat:
            if line.startswith("TCP:"):
                fields = line.split()
                return int(fields[fields.index("mem") + 1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    return 0.0


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def never_reader(port, name):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET /ws?name={name} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n".encode())
    return s


def still_open(sockets):
    """How many the server has not closed (a closed one reads EOF or a reset)."""
    count = 0
    for s in sockets:
        s.setblocking(False)
        try:
            while True:
                chunk = s.recv(1 << 16)
                if not chunk:
                    break
        except BlockingIOError:
            count += 1
        except OSError:
            pass
    return count


async def _bystander(port, seconds, results, welcomed, password=None, joined=None):
    """A member saying something every 100 ms and another hearing it: the latencies.
    welcomed: the server says welcome (Tertulia); password: join with it; joined: set once in."""
    url = f"ws://127.0.0.1:{port}/ws"
    members = []
    for name in ("Speaker", "Listener"):
        member = await websockets.connect(url if password else f"{url}?name={name}",
                                          max_size=None)
        if password:
            await member.send(json.dumps({"type": "join", "name": name, "password": password}))
        while welcomed and json.loads(await member.recv()).get("type") != "welcome":
            pass
        members.append(member)
    if joined:
        joined.set()
    speaker, listener = members
    latencies = []

    async def listen():
        while True:
            event = json.loads(await listener.recv())
            if event.get("name") == "Speaker" and event.get("type", "message") == "message":
                latencies.append(time.monotonic() - float(event["message"]))

    async def drain():
        while True:
            await speaker.recv()

    tasks = [asyncio.create_task(listen()), asyncio.create_task(drain())]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await speaker.send(json.dumps({"name": "Speaker", "message": repr(time.monotonic())}))
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)
    for task in tasks:
        task.cancel()
    results.extend(latencies)


def bystander(port, seconds, results, welcomed, password=None, joined=None):
    asyncio.run(_bystander(port, seconds, results, welcomed, password, joined))


async def _chatters(port, seconds):
    url = f"ws://127.0.0.1:{port}/ws"
    chatters = [await websockets.connect(f"{url}?name=Chatter{i}", max_size=None)
                for i in range(3)]

    async def drain(member):
        while True:
            await member.recv()

    tasks = [asyncio.create_task(drain(m)) for m in chatters]
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        for i, chatter in enumerate(chatters):
            await chatter.send(json.dumps({"name": f"Chatter{i}", "message": f"{n} {BIG}"}))
        n += 1
        await asyncio.sleep(0.1)
    for task in tasks:
        task.cancel()


def chatters(port, seconds):
    asyncio.run(_chatters(port, seconds))


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else float("nan")


def slow_readers(build, kind, crowd, seconds):
    extra = ["--max-message-length", "16000", "--max-message-bytes", "65536",
             "--rate", "10", "--burst", "30"]
    with Server(kind, build, extra) as server:
        readers = [never_reader(server.port, f"Never{i}") for i in range(crowd)]
        time.sleep(1)
        kernel_before = kernel_tcp_mb()
        manager = multiprocessing.Manager()
        latencies = manager.list()
        talk = multiprocessing.Process(target=chatters, args=(server.port, seconds))
        watch = multiprocessing.Process(target=bystander,
                                        args=(server.port, seconds, latencies,
                                              kind == "tertulia"))
        talk.start()
        watch.start()
        peak_kernel, peak_rss = kernel_before, 0.0
        while watch.is_alive():
            peak_kernel = max(peak_kernel, kernel_tcp_mb())
            peak_rss = max(peak_rss, rss_mb(server.process.pid))
            time.sleep(0.2)
        talk.join()
        open_left = still_open(readers)
        for s in readers:
            s.close()
        values = list(latencies)
        return {"p50": percentile(values, 0.5), "p99": percentile(values, 0.99),
                "max": percentile(values, 1.0), "heard": len(values),
                "kernel": peak_kernel - kernel_before, "rss": peak_rss, "cut": crowd - open_left}


async def guess(port, source, end, counts):
    n = 0
    while time.monotonic() < end:
        try:
            async with websockets.connect(f"ws://127.0.0.1:{port}/ws",
                                          local_addr=(source, 0)) as member:
                await member.send(json.dumps({"type": "join", "name": f"G{source}",
                                              "password": f"guess {n}"}))
                while True:
                    event = json.loads(await member.recv())
                    if event["type"] == "error":
                        counts[event["code"]] = counts.get(event["code"], 0) + 1
                        break
        except websockets.ConnectionClosed:
            pass
        n += 1


def crowd_process(port, seconds, results):
    counts = {}
    end = time.monotonic() + seconds

    async def main():
        await asyncio.gather(*(guess(port, f"127.0.0.{a}", end, counts) for a in range(2, 51)))

    asyncio.run(main())
    results.update(counts)


def password_crowd(build, seconds):
    password = "correct horse"
    rows = {}
    for label, crowd in (("quiet", False), ("crowd", True)):
        with Server("tertulia", build, ["--password", password]) as server:
            manager = multiprocessing.Manager()
            latencies, counts = manager.list(), manager.dict()
            joined = manager.Event()
            guessers = multiprocessing.Process(target=crowd_process,
                                               args=(server.port, seconds, counts))
            # The bystanders are in before the crowd comes: the room's guess budget is spent
            # for newcomers while it lasts.
            watch = multiprocessing.Process(target=bystander,
                                            args=(server.port, seconds, latencies, True,
                                                  password, joined))
            watch.start()
            joined.wait(30)
            if crowd:
                guessers.start()
            before = cpu_seconds(server.process.pid)
            watch.join()
            if crowd:
                guessers.join()
            rows[label] = {"p50": percentile(list(latencies), 0.5),
                           "p99": percentile(list(latencies), 0.99),
                           "max": percentile(list(latencies), 1.0),
                           "cpu": cpu_seconds(server.process.pid) - before,
                           "checked": counts.get("password_wrong", 0),
                           "throttled": counts.get("password_throttled", 0)}
    return rows


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", default="build/bench-results")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    build = Path(args.build).resolve()
    raise_fd_limit()
    crowd, seconds = (300, 5) if args.quick else (1000, 10)
    lines = [f"## (r) {crowd} members who never read, three sending 16 KB messages at 10/s "
             f"for {seconds} s", "",
             "| server | bystander p50 | p99 | max | heard | kernel TCP memory | peak RSS "
             "| readers cut off |", "|---|---|---|---|---|---|---|---|"]
    for kind in ("tertulia", "node-ws", "fastapi"):
        r = slow_readers(build, kind, crowd, seconds)
        lines.append(f"| {NAMES[kind]} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | "
                     f"{r['max']:.1f} ms | {r['heard']} | +{r['kernel']:.0f} MB | "
                     f"{r['rss']:.0f} MB | {r['cut']} |")
        print(lines[-1], flush=True)
    rows = password_crowd(build, 5 if args.quick else 8)
    lines += ["", "## (p) 49 addresses guessing the password (Tertulia)", "",
              "| | bystander p50 | p99 | max | host CPU | guesses checked | refused unchecked |",
              "|---|---|---|---|---|---|---|"]
    for label, r in rows.items():
        lines.append(f"| {label} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['max']:.1f} ms | "
                     f"{r['cpu']:.2f} s | {r['checked']} | {r['throttled']} |")
        print(lines[-1], flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "hostile.md").write_text("\n".join(lines) + "\n")
    print(f"written to {out / 'hostile.md'}")


if __name__ == "__main__":
    main()
