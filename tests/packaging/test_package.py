"""The Debian package as a user gets it: built with CPack from this build, installed with
apt-get, the installed tertulia-server hosting a room a client chats in, tertulia --version,
the service unit verified by systemd-analyze, then purged without a trace. And the man pages
list exactly the options --help does."""

import asyncio
import glob
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import unittest

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import LISTENING  # noqa: E402

BUILD = os.environ["TERTULIA_BUILD_DIR"]
SOURCE = os.path.join(os.path.dirname(__file__), "..", "..")
VERSION = os.environ["TERTULIA_VERSION"]


def help_options(executable):
    text = subprocess.run([executable, "--help"], capture_output=True, text=True,
                          env={"LANG": "C", "PATH": "/usr/bin:/bin"}).stdout
    return set(re.findall(r"^  (?:-\w, )?(--[\w-]+)", text, re.M))


def man_options(page):
    with open(page) as file:
        text = file.read().replace("\\-", "-")
    return set(re.findall(r"^\\fB(?:-\w, )?(--[\w-]+)", text, re.M))


class ManPages(unittest.TestCase):
    def test_each_man_page_lists_exactly_the_options_of_its_program(self):
        for name in ("tertulia", "tertulia-server"):
            with self.subTest(name):
                listed = man_options(os.path.join(SOURCE, "docs", "man", f"{name}.1"))
                self.assertGreater(len(listed), 20)
                # If this fails: /usr/bin/python3 scripts/write-man-pages.py BUILD_DIR
                self.assertEqual(listed, help_options(os.path.join(BUILD, "app", name)))


@unittest.skipUnless(os.geteuid() == 0, "installing a package needs root (CI runs as root)")
@unittest.skipIf(os.environ.get("TERTULIA_SANITIZED") == "1",
                 "the sanitized build is not what ships; the plain suite installs the package")
class InstalledPackage(unittest.TestCase):
    def run_checked(self, *command, **options):
        result = subprocess.run(command, capture_output=True, text=True, **options)
        self.assertEqual(result.returncode, 0, f"{command}: {result.stdout}{result.stderr}")
        return result.stdout

    def test_it_installs_hosts_a_room_and_goes_away(self):
        out = tempfile.mkdtemp(prefix="tertulia-package-")
        self.run_checked("cpack", "-G", "DEB", "--config",
                         os.path.join(BUILD, "CPackConfig.cmake"), "-B", out)
        [deb] = glob.glob(os.path.join(out, f"tertulia_{VERSION}_*.deb"))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        self.run_checked("apt-get", "install", "-y", "-qq", deb, env=env)
        try:
            self.assertEqual(self.run_checked("/usr/bin/tertulia", "--version").strip(),
                             f"tertulia {VERSION}")
            self.assertNotIn("Gui", self.run_checked("ldd", "/usr/bin/tertulia-server"))
            self.run_checked("systemd-analyze", "verify",
                             "/lib/systemd/system/tertulia-server.service")
            self.assertEqual(os.stat("/etc/default/tertulia-server").st_mode & 0o777, 0o600)
            self.chat_with_the_installed_server()
        finally:
            self.run_checked("apt-get", "purge", "-y", "-qq", "tertulia", env=env)
        for path in ("/usr/bin/tertulia", "/usr/bin/tertulia-server", "/etc/default/tertulia-server",
                     "/lib/systemd/system/tertulia-server.service"):
            self.assertFalse(os.path.exists(path), path)

    def chat_with_the_installed_server(self):
        server = subprocess.Popen(
            ["/usr/bin/tertulia-server", "--port", "0", "--bind", "127.0.0.1", "--data-dir",
             tempfile.mkdtemp(prefix="tertulia-package-data-")],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = int(LISTENING.match(server.stdout.readline().rstrip("\n")).group(2))

            async def chat():
                async with websockets.connect(f"ws://127.0.0.1:{port}/ws?name=Ana") as socket:
                    await socket.send(json.dumps({"name": "Ana", "message": "instalado"}))
                    while True:
                        event = json.loads(await asyncio.wait_for(socket.recv(), 10))
                        if event["type"] == "ack":
                            return event["id"]

            self.assertEqual(asyncio.run(chat()), 1)
            server.send_signal(signal.SIGTERM)
            self.assertEqual(server.wait(timeout=10), 0)
        finally:
            if server.poll() is None:
                server.kill()
            server.stdout.close()


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
    from skipreport import main  # noqa: E402
    main()  # all skipped (not root, or the sanitized build): exit 77, reported skipped
