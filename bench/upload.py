#!/usr/bin/python3
"""Files: how fast one goes up, and what a big upload costs everyone else's chat.

(1) Throughput: 1 GiB from the native client (tertulia-probe, ChatConnection's FileSender:
    offer, 256 KiB binary pieces, a window of 4) into tertulia-server, from the offer to the
    stored acknowledgement — against curl streaming the same file (-T) to a plain HTTP receiver
    (peers/upload_receiver.py, Python's http.server writing the body to disk).
(2) Chat p99 for 20 members, 2 of them sending 100 msg/s in all (tertulia-loadgen), without
    and with a 1 GiB upload going on from another member.
    /usr/bin/python3 bench/upload.py [--build build] [--out build/bench-results] [--quick]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PEERS, Server, free_port, loadgen  # noqa: E402

GIB = 1 << 30


def big_file(size):
    handle, path = tempfile.mkstemp(prefix="tertulia-upload-", suffix=".bin")
    block = os.urandom(1 << 20)
    with os.fdopen(handle, "wb") as out:
        for _ in range(size // len(block)):
            out.write(block)
    return path


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Uploader:
    """A member that sends one file through the native client and says when it is stored."""

    def __init__(self, build, port, name="Uploader"):
        self.process = subprocess.Popen(
            [str(build / "tests" / "tertulia-probe"), f"ws://127.0.0.1:{port}/ws", name],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.wait_for("joined")

    def wait_for(self, event):
        for line in self.process.stdout:
            parsed = json.loads(line)
            if parsed["event"] == "failed":
                raise RuntimeError(parsed["reason"])
            if parsed["event"] == event:
                return parsed
        raise RuntimeError(f"the probe ended before {event}")

    def send(self, path):
        """Seconds from the offer to the host's acknowledgement of the stored file."""
        start = time.monotonic()
        self.process.stdin.write(f"/file {path}\n")
        self.process.stdin.flush()
        self.wait_for("file-stored")
        return time.monotonic() - start

    def stop(self):
        self.process.kill()
        self.process.wait()


def tertulia_throughput(build, path, size, extra):
    with Server("tertulia", build, extra) as server:
        uploader = Uploader(build, server.port)
        cpu = cpu_seconds(server.process.pid)
        seconds = uploader.send(path)
        cpu = cpu_seconds(server.process.pid) - cpu
        uploader.stop()
    return size / seconds / 1e6, cpu


def curl_throughput(path, size):
    port = free_port()
    scratch = tempfile.mkdtemp(prefix="tertulia-receiver-")
    receiver = subprocess.Popen(["/usr/bin/python3", str(PEERS / "upload_receiver.py"),
                                 str(port), scratch])
    time.sleep(0.5)
    start = time.monotonic()
    subprocess.run(["curl", "-s", "-o", "/dev/null", "-X", "POST", "-T", path, "-H", "Expect:",
                    f"http://127.0.0.1:{port}/"], check=True)
    seconds = time.monotonic() - start
    receiver.kill()
    receiver.wait()
    os.rmdir(scratch)
    return size / seconds / 1e6


def chat_during_upload(build, path, seconds, upload, extra=()):
    """loadgen's result for 20 members at 100 msg/s, with a file going up beside them, and
    whether the upload was still going when the chat's measurement ended."""
    with Server("tertulia", build, extra) as server:
        uploader = Uploader(build, server.port) if upload else None
        thread = None
        if uploader:
            thread = threading.Thread(target=uploader.send, args=(path,), daemon=True)
            thread.start()
            time.sleep(0.3)  # the upload is going
        result = loadgen(build, server, "u", mode="fanout", clients=20, senders=2, rate=100,
                         seconds=seconds)
        result["overlapped"] = bool(thread and thread.is_alive())
        if uploader:
            thread.join(timeout=600)
            uploader.stop()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", default="build/bench-results")
    parser.add_argument("--quick", action="store_true", help="256 MiB instead of 1 GiB")
    args = parser.parse_args()
    build, out = Path(args.build).resolve(), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    size = GIB // 4 if args.quick else GIB
    path = big_file(size)
    try:
        unlimited, cpu = tertulia_throughput(build, path, size, ["--upload-rate", "0"])
        shipped, _ = tertulia_throughput(build, path, size, [])
        curl = curl_throughput(path, size)
        # The chat is measured while the upload runs: a second less than it takes at full speed.
        seconds = max(1, int(size / (unlimited * 1e6)) - 1)
        quiet = chat_during_upload(build, path, seconds, upload=False)
        busy = chat_during_upload(build, path, seconds, upload=True, extra=["--upload-rate", "0"])
        shipped_busy = chat_during_upload(build, path, seconds, upload=True)
    finally:
        os.remove(path)
    mib = size >> 20
    lines = [
        f"| upload of {mib} MiB over loopback | MB/s |",
        "|---|---|",
        f"| Tertulia, native client, --upload-rate 0 | {unlimited:.0f} (host CPU {cpu:.2f} s) |",
        f"| Tertulia as shipped (--upload-rate 100 MiB/s) | {shipped:.0f} |",
        f"| curl -T to Python http.server | {curl:.0f} |",
        f"| ratio Tertulia (no rate) / curl | {unlimited / curl:.2f} |",
        "",
        f"| chat, 20 members, 100 msg/s, {seconds} s | p50 ms | p99 ms | max ms | lost | upload still going at the end |",
        "|---|---|---|---|---|---|",
    ]
    for label, result in (("alone", quiet),
                          (f"during a {mib} MiB upload, --upload-rate 0", busy),
                          (f"during a {mib} MiB upload, as shipped", shipped_busy)):
        lines.append(f"| {label} | {result['p50_us'] / 1000:.2f} | {result['p99_us'] / 1000:.2f} | "
                     f"{result['max_us'] / 1000:.2f} | {result['lost']} | "
                     f"{'yes' if result['overlapped'] else '—'} |")
    table = "\n".join(lines)
    (out / "upload.md").write_text(table + "\n")
    print(table)


if __name__ == "__main__":
    sys.exit(main())
