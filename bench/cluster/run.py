#!/usr/bin/python3
"""What sharing a room through Redis costs: the fan-out of make bench's (b) — 100 clients,
10 senders, 1 000 msg/s — on one tertulia-server, then on two nodes sharing one redis-server
(half the clients on each, so most deliveries cross nodes), with the epoll floor in the same
run. Prints a table and writes cluster.md to the output directory.
    /usr/bin/python3 bench/cluster/run.py [--build build] [--out build/bench-results]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import run as fanout  # noqa: E402  (bench/run.py: the servers and the load generator)

OPTIONS = dict(mode="fanout", clients=100, senders=10, rate=1000, seconds=10)


class Redis:
    """Debian's redis-server on a Unix socket, with the append-only file as the README
    recommends (fsync every second)."""

    def __enter__(self):
        self.directory = tempfile.mkdtemp(prefix="tertulia-bench-redis-")
        self.socket = os.path.join(self.directory, "redis.sock")
        self.process = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", self.socket, "--dir", self.directory,
             "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while not os.path.exists(self.socket):
            if time.time() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)


def measure(build, label, rows, **extra):
    print(f"{label}", flush=True)
    result = None
    if extra.get("cluster"):
        with Redis() as redis:
            url = ["--redis", f"unix://{redis.socket}"]
            with fanout.Server("tertulia", build, url) as a, \
                    fanout.Server("tertulia", build, url) as b:
                result = fanout.loadgen(build, a, "x", port2=b.port,
                                        also_pids=f"{b.process.pid},{redis.process.pid}",
                                        **OPTIONS)
        nodes_cpu = result["host_cpu_s"] + result["also_cpu_s"][0]
        result["redis_cpu_s"] = result["also_cpu_s"][1]
    else:
        with fanout.Server(extra["kind"], build) as server:
            result = fanout.loadgen(build, server, "x", **OPTIONS)
        nodes_cpu = result["host_cpu_s"]
        result["redis_cpu_s"] = 0.0
    delivered = max(1, result["delivered"])
    result["label"] = label
    result["nodes_us_per_delivery"] = nodes_cpu / delivered * 1e6
    result["all_us_per_delivery"] = (nodes_cpu + result["redis_cpu_s"]) / delivered * 1e6
    result["redis_us_per_message"] = result["redis_cpu_s"] / max(1, result["sent"]) * 1e6
    print(f"  delivered {result['delivered']} lost {result['lost']}"
          f"  p50 {result['p50_us'] / 1000:.2f} ms  p99 {result['p99_us'] / 1000:.2f} ms"
          f"  max {result['max_us'] / 1000:.2f} ms"
          f"  CPU/delivery {result['all_us_per_delivery']:.2f} µs"
          f"  Redis/message {result['redis_us_per_message']:.1f} µs", flush=True)
    rows.append(result)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(fanout.ROOT / "build"))
    parser.add_argument("--out", default=str(fanout.ROOT / "build" / "bench-results"))
    args = parser.parse_args()
    build, out = Path(args.build), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    fanout.raise_fd_limit()
    rows = []
    measure(build, "one tertulia-server", rows, kind="tertulia")
    measure(build, "two nodes + redis-server, half the clients on each", rows, cluster=True)
    measure(build, "epoll relay (floor), one process", rows, kind="floor")
    one, two, floor = rows
    lines = ["| (b) 100 clients × 1 000 msg/s | one node | two nodes + Redis | floor |",
             "|---|---|---|---|"]
    for key, name, scale in (("p50_us", "latency p50 (ms)", 0.001),
                             ("p99_us", "latency p99 (ms)", 0.001),
                             ("max_us", "latency max (ms)", 0.001),
                             ("lost", "lost deliveries", 1),
                             ("all_us_per_delivery", "CPU per delivery, all processes (µs)", 1),
                             ("redis_us_per_message", "Redis CPU per message (µs)", 1)):
        lines.append(f"| {name} | " + " | ".join(f"{row[key] * scale:.2f}" for row in rows) + " |")
    lines.append(f"| cluster / one node | p99 {two['p99_us'] / one['p99_us']:.2f}× | CPU per "
                 f"delivery {two['all_us_per_delivery'] / one['all_us_per_delivery']:.2f}× | "
                 f"vs floor {two['all_us_per_delivery'] / floor['all_us_per_delivery']:.2f}× |")
    table = "\n".join(lines)
    (out / "cluster.md").write_text(f"Measured {time.strftime('%Y-%m-%d %H:%M')}, "
                                    f"{os.cpu_count()} cores, generator on the same machine.\n\n"
                                    f"{table}\n")
    print()
    print(table)


if __name__ == "__main__":
    sys.exit(main())
