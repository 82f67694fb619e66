#!/usr/bin/python3
"""Tertulia's fan-out benchmark against the seeds' FastAPI server and a Node.js `ws` server.

Each scenario starts each server fresh on 127.0.0.1, drives it with tertulia-loadgen (C++,
epoll, one thread) and reads the server's CPU time and RSS from /proc. Prints a table with
ratios, writes results.csv, summary.md and latency.png (gnuplot) to the output directory.
    /usr/bin/python3 bench/run.py [--build build] [--out bench/results] [--quick]
"""

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One server under test, started fresh for each scenario."""

    def __init__(self, kind, build, extra=()):
        self.kind = kind
        self.build = build
        self.extra = list(extra)  # more flags for tertulia-server
        self.process = None
        self.port = None
        self.data_dir = None

    def command(self):
        if self.kind == "tertulia":
            self.data_dir = tempfile.mkdtemp(prefix="tertulia-bench-")
            # Limits opened up for a load test from one address; everything else as shipped.
            return [str(self.build / "app" / "tertulia-server"), "--bind", "127.0.0.1",
                    "--port", str(self.port), "--data-dir", self.data_dir,
                    "--rate", "1000000", "--burst", "1000000", "--store-rate", "1000000000",
                    "--max-connections", "20000",
                    "--max-per-address", "20000"] + self.extra
        if self.kind == "fastapi":
            return ["/usr/bin/python3", "-m", "uvicorn", "fastapi_seed:app", "--app-dir",
                    str(PEERS), "--host", "127.0.0.1", "--port", str(self.port),
                    "--loop", "uvloop", "--http", "httptools", "--backlog", "4096",
                    "--log-level", "warning"]
        if self.kind == "floor":
            # The floor: handshake, unmask, frame once, one send per recipient per pass, a
            # pass's sends in one io_uring submission where the kernel allows (as the host).
            relay = self.build / "bench" / "tertulia-floor-relay"
            return [str(relay), str(self.port)] + ([] if floor_uses_ring(self.build) else ["--plain-sends"])
        return ["node", str(PEERS / "node-ws" / "server.mjs"), str(self.port)]

    def __enter__(self):
        self.port = free_port()
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=raise_fd_limit)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                time.sleep(0.3)  # let it finish starting (and settle its RSS)
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"{self.kind} did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def loadgen(build, server, prefix, **options):
    command = [str(build / "bench" / "tertulia-loadgen"), "--port", str(server.port),
               "--host-pid", str(server.process.pid), "--prefix", prefix,
               "--presence", "1" if server.kind == "tertulia" else "0"]
    for key, value in options.items():
        command += ["--" + key.replace("_", "-"), str(value)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                            preexec_fn=raise_fd_limit)
    if result.returncode != 0:
        raise RuntimeError(f"loadgen failed: {result.stderr}")
    return json.loads(result.stdout)


def floor_uses_ring(build):
    """Whether the floor relay can batch its sends with io_uring here, as the host does."""
    relay = Path(build) / "bench" / "tertulia-floor-relay"
    return subprocess.run([str(relay), "--check-ring"]).returncode == 0


SERVERS = ["tertulia", "fastapi", "node-ws", "floor"]
NAMES = {"tertulia": "Tertulia", "fastapi": "FastAPI (seed)", "node-ws": "Node ws",
         "floor": "C relay (floor)"}


def name_the_floor(build):
    """The floor's name says how it sends, so every ratio says against which."""
    how = "io_uring sends" if floor_uses_ring(build) else "one send() each"
    NAMES["floor"] = f"C relay, {how} (floor)"


def scenarios(quick):
    seconds = 4 if quick else 10
    yield "a", "100 clients, 10 senders, 500 msg/s", dict(mode="fanout", clients=100, senders=10,
                                                          rate=500, seconds=seconds)
    yield "b", "100 clients, 10 senders, 1000 msg/s", dict(mode="fanout", clients=100, senders=10,
                                                           rate=1000, seconds=seconds)
    for clients in ([2000] if quick else [5000, 10000]):
        yield f"d{clients}", f"{clients} idle connections", dict(mode="join", clients=clients,
                                                                 max_connecting=1000)
    yield "e", "1000 clients joining at once", dict(mode="join", clients=1000)
    # Saturated: more than the servers can take, from a generator with two threads at least.
    yield "s", "100 clients, 10 senders, saturated", dict(
        mode="fanout", clients=100, senders=10, rate=20000, seconds=seconds, drain=2,
        threads=max(2, (os.cpu_count() or 2) - 1))
    crowd = 3000 if quick else 10000
    yield "g", f"{crowd} joining at once, no pacing", dict(mode="join", clients=crowd)
    # A long-lived host: the same fan-out as (b), on a host that has just served a crowd.
    yield "h", f"(b) right after {crowd} joined and left, same host", dict(
        mode="fanout", clients=100, senders=10, rate=1000, seconds=seconds,
        before=dict(mode="join", clients=crowd))
    burst = 2000 if quick else 10000
    yield "f", f"1000 clients, a burst of {burst} messages", dict(
        mode="burst", clients=1000, senders=10, burst=burst, drain=180)


RAMP_RATES = [250, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000, 8000, 10000, 12000, 16000, 20000]


def ramp(build, kind, quick, rows):
    """(c): 200 clients, rising rates, until p99 passes 50 ms or deliveries are lost."""
    sustainable = 0
    with Server(kind, build) as server:
        for step, rate in enumerate(RAMP_RATES):
            result = loadgen(build, server, f"c{step}", mode="fanout", clients=200, senders=10,
                             rate=rate, seconds=3 if quick else 5)
            result.update(server=kind, scenario=f"c{rate}", label=f"200 clients, {rate} msg/s")
            rows.append(result)
            report(result)
            if result["p99_us"] > 50_000 or result["lost"] > 0:
                break
            sustainable = rate
            time.sleep(1)  # disconnections of the last step settle
    return sustainable


def report(result):
    print(f"  {result['server']:9} {result['scenario']:7} delivered {result['delivered']:>9}"
          f" lost {result['lost']:>7}  p50 {result['p50_us'] / 1000:7.2f} ms"
          f"  p99 {result['p99_us'] / 1000:8.2f} ms  cpu/delivery {result['host_cpu_us_per_delivery']:6.2f} µs"
          f"  rss/conn {result['rss_per_connection_kb']:6.2f} KB  connect {result['connect_s']:.2f} s"
          f"  settle {result['settle_s']:.2f} s  loadgen cpu {result['loadgen_cpu_share']:.0%}",
          flush=True)


def ratio(ours, theirs, lower_is_better=True):
    if ours is None or theirs is None or ours <= 0 or theirs <= 0:
        return "—"
    return f"{(theirs / ours if lower_is_better else ours / theirs):.1f}×"


def summary(rows, sustainable):
    by = {(row["server"], row["scenario"]): row for row in rows}
    others = SERVERS[1:]
    lines = [f"| scenario | measure | {' | '.join(NAMES[s] for s in SERVERS)} | Tertulia better by "
             f"(vs {' / vs '.join(NAMES[s] for s in others)}) |",
             "|---|---|" + "---|" * (len(SERVERS) + 1)]

    def line(scenario, label, key, fmt, lower=True, scale=1.0):
        values = [by.get((server, scenario), {}).get(key) for server in SERVERS]
        if all(v is None for v in values):
            return
        shown = [("—" if v is None or v < 0 else fmt.format(v * scale)) for v in values]
        ratios = " / ".join(ratio(values[0], value, lower) for value in values[1:])
        lines.append(f"| {label} | {key_names[key]} | {' | '.join(shown)} | {ratios} |")

    key_names = {"host_cpu_us_per_delivery": "host CPU per delivery (µs)",
                 "p50_us": "latency p50 (ms)", "p99_us": "latency p99 (ms)",
                 "max_us": "latency max (ms)", "lost": "lost deliveries",
                 "deliveries_per_s": "deliveries a second",
                 "loadgen_cpu_share": "load generator's CPU (share of a core)",
                 "rss_per_connection_kb": "RSS per connection (KB)",
                 "connect_s": "all connected (s)",
                 "settle_s": "everyone's member count right (s)",
                 "welcome_bytes_max": "largest welcome (bytes)",
                 "bytes_per_client": "bytes sent to each newcomer (mean)",
                 "rss_peak_kb": "RSS peak (MB)", "rss_after_kb": "RSS 4 s after (MB)",
                 "rss_connected_kb": "RSS before the burst (MB)"}
    scenario_ids = []
    for row in rows:
        if row["scenario"] not in scenario_ids and not row["scenario"].startswith("c"):
            scenario_ids.append(row["scenario"])
    for scenario in scenario_ids:
        label = next(row["label"] for row in rows if row["scenario"] == scenario)
        mode = next(row["mode"] for row in rows if row["scenario"] == scenario)
        if mode == "fanout":
            line(scenario, label, "host_cpu_us_per_delivery", "{:.2f}")
            line(scenario, label, "p50_us", "{:.2f}", scale=0.001)
            line(scenario, label, "p99_us", "{:.2f}", scale=0.001)
            line(scenario, label, "max_us", "{:.2f}", scale=0.001)
            line(scenario, label, "lost", "{:.0f}")
            line(scenario, label, "deliveries_per_s", "{:.0f}", lower=False)
            line(scenario, label, "loadgen_cpu_share", "{:.0%}")
        elif mode == "join":
            line(scenario, label, "rss_per_connection_kb", "{:.2f}")
            line(scenario, label, "connect_s", "{:.2f}")
            line(scenario, label, "settle_s", "{:.2f}")
            line(scenario, label, "welcome_bytes_max", "{:.0f}")
            line(scenario, label, "bytes_per_client", "{:.0f}")
        else:
            line(scenario, label, "host_cpu_us_per_delivery", "{:.2f}")
            line(scenario, label, "rss_connected_kb", "{:.1f}", scale=1 / 1024)
            line(scenario, label, "rss_peak_kb", "{:.1f}", scale=1 / 1024)
            line(scenario, label, "rss_after_kb", "{:.1f}", scale=1 / 1024)
            line(scenario, label, "lost", "{:.0f}")
    values = [sustainable.get(server) for server in SERVERS]
    ratios = " / ".join(ratio(values[0], value, False) for value in values[1:])
    lines.append(f"| c: 200 clients, rising rate | sustainable rate (msg/s; p99 ≤ 50 ms, no loss) | "
                 f"{' | '.join('—' if v is None else str(v) for v in values)} | {ratios} |")
    return "\n".join(lines)


def plot(rows, out):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("gnuplot not found: no plot")
        return
    data = {}
    for server in SERVERS:
        path = out / f"ramp-{server}.dat"
        with open(path, "w") as f:
            for row in rows:
                if row["server"] == server and row["scenario"].startswith("c"):
                    f.write(f"{row['deliveries_per_s']:.0f} {row['p50_us'] / 1000:.3f} {row['p99_us'] / 1000:.3f}\n")
        data[server] = path
    titles = {"tertulia": "Tertulia", "fastapi": "FastAPI seed (uvicorn, uvloop)", "node-ws": "Node.js ws",
              "floor": NAMES["floor"]}
    script = f"""
set terminal pngcairo size 900,520 font 'DejaVu Sans,10'
set output '{out / "latency.png"}'
set title 'Latency p99 against delivery rate (200 clients, 10 senders; {platform.node()}, {os.cpu_count()} cores)'
set xlabel 'deliveries per second (messages × receivers)'
set ylabel 'p99 latency (ms)'
set logscale y
set grid
set key top left
plot {", ".join(f"'{data[s]}' using 1:3 with linespoints lw 2 title '{titles[s]}'" for s in SERVERS)}
"""
    subprocess.run([gnuplot], input=script, text=True, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--out", default=str(ROOT / "build" / "bench-results"))
    parser.add_argument("--quick", action="store_true", help="shorter runs, smaller crowds")
    parser.add_argument("--servers", default=",".join(SERVERS))
    args = parser.parse_args()
    build, out = Path(args.build), Path(args.out)
    name_the_floor(build)
    out.mkdir(parents=True, exist_ok=True)
    servers = args.servers.split(",")
    raise_fd_limit()

    rows = []
    for scenario, label, options in scenarios(args.quick):
        print(f"{scenario}: {label}", flush=True)
        for kind in servers:
            with Server(kind, build) as server:
                options = dict(options)
                warmup = options.pop("before", None)
                if warmup:
                    loadgen(build, server, scenario + "w", **warmup)
                    time.sleep(1)  # the crowd's disconnections reach the host
                result = loadgen(build, server, scenario, **options)
            result.update(server=kind, scenario=scenario, label=label)
            rows.append(result)
            report(result)
    print("c: 200 clients, rate ramp", flush=True)
    sustainable = {kind: ramp(build, kind, args.quick, rows) for kind in servers}

    with open(out / "results.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["server", "scenario", "label"] +
                                [k for k in rows[0] if k not in ("server", "scenario", "label")])
        writer.writeheader()
        writer.writerows(rows)
    machine = (f"{platform.node()}: {os.cpu_count()} cores, "
               f"{open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}, "
               f"Linux {platform.release()}; load generator on the same machine")
    table = summary(rows, sustainable)
    (out / "summary.md").write_text(f"Measured on {machine}, {time.strftime('%Y-%m-%d')}.\n\n{table}\n")
    plot(rows, out)
    print()
    print(f"Measured on {machine}")
    print(table)
    print(f"\nresults: {out}/results.csv, summary.md, latency.png")


if __name__ == "__main__":
    sys.exit(main())
