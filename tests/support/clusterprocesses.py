"""A room served by several real tertulia-server nodes: Debian's redis-server on a Unix socket
in a temp directory, the nodes, and HAProxy in front. Each is started and stopped by the test."""

import os
import signal
import socket
import subprocess
import tempfile
import time

from hostprocess import HostProcess, wait_until


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_directory():
    return tempfile.mkdtemp(prefix="tertulia-cluster-")


class RedisProcess:
    """redis-server with its append-only file on (fsync always: nothing acknowledged is lost
    on a restart); restart() stops it (SIGTERM) and starts it again on the same files."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="tertulia-redis-")
        self.socket_path = os.path.join(self.directory, "redis.sock")
        self.url = f"unix://{self.socket_path}"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", self.socket_path,
             "--unixsocketperm", "700", "--dir", self.directory, "--appendonly", "yes",
             "--appendfsync", "always", "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: self.command("PING") == "PONG", 10, "redis-server to answer")

    def command(self, *words):
        result = subprocess.run(["redis-cli", "-s", self.socket_path, *words],
                                capture_output=True, text=True)
        return result.stdout.strip()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)

    def restart(self, down_seconds=0):
        self.stop()
        time.sleep(down_seconds)
        self.start()


def start_node(redis, *extra, data_dir=None, executable=None):
    return HostProcess(executable=executable, data_dir=data_dir,
                       args=("--port", "0", "--bind", "127.0.0.1", "--redis", redis.url,
                             *extra))


class Balancer:
    """HAProxy in TCP mode in front of the nodes. `first`: every connection to the first node
    that is up, so a test knows where its clients are; a node that stops answering its health
    check (every 200 ms) is taken out, and a connection it refuses goes to another."""

    def __init__(self, ports, bind="127.0.0.1", balance="first"):
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="tertulia-haproxy-")
        servers = "\n".join(
            f"    server node{i} 127.0.0.1:{port} check inter 200 fall 1 rise 2"
            for i, port in enumerate(ports))
        template = os.path.join(os.path.dirname(__file__), "haproxy-test.cfg")
        with open(template) as file:
            text = file.read()
        config = os.path.join(self.directory, "haproxy.cfg")
        with open(config, "w") as file:
            file.write(text.replace("@BIND@", f"    bind {bind}:{self.port}")
                       .replace("@BALANCE@", balance).replace("@SERVERS@", servers))
        self.process = subprocess.Popen(["haproxy", "-db", "-f", config],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.bind = bind
        wait_until(self._listening, 10, "haproxy to listen")

    def _listening(self):
        try:
            with socket.create_connection((self.bind, self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
