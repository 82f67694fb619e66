"""The command-line contract of tertulia-server and tertulia: the Listening line, exit codes,
--help and --version, headless fallback, and no QtGui/QtWidgets in the headless host."""

import asyncio
import json
import os
import signal
import tempfile
import socket
import subprocess
import sys
import unittest
import urllib.request

import websockets

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from hostprocess import HostProcess  # noqa: E402

SERVER = os.environ["TERTULIA_SERVER"]
DESKTOP = os.environ["TERTULIA_DESKTOP"]


async def members_once_someone_joins(url, me="Watcher"):
    async with websockets.connect(url) as socket:
        while True:
            event = json.loads(await asyncio.wait_for(socket.recv(), 20))
            # The watcher's own arrival may come in a presence event of its own, first.
            if event["type"] == "presence" and set(event["joined"]) - {me}:
                return [member["name"] for member in event["members"]]


async def told_when_the_host_stops(url, stop):
    """Joins, runs stop(), and returns the events that followed and the close code."""
    events = []
    async with websockets.connect(url) as socket:
        while json.loads(await asyncio.wait_for(socket.recv(), 20))["type"] != "welcome":
            pass
        stop()
        try:
            while True:
                events.append(json.loads(await asyncio.wait_for(socket.recv(), 10)))
        except websockets.ConnectionClosed:
            pass
        return events, socket.close_code


def headless_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def run(executable, *args, env=None):
    return subprocess.run([executable, *args], capture_output=True, text=True, timeout=30,
                          env=env)


class CommandLine(unittest.TestCase):
    def test_prints_listening_line_and_serves_the_page(self):
        host = HostProcess(SERVER)
        self.assertRegex(host.first_line, r"^Listening on http://[0-9.]+:\d+/$")
        with urllib.request.urlopen(f"http://127.0.0.1:{host.port}/", timeout=5) as reply:
            self.assertEqual(reply.status, 200)
            self.assertIn(b"<title>Tertulia</title>", reply.read())
        self.assertEqual(host.stop(), 0)

    def test_bound_to_loopback_lists_only_loopback(self):
        host = HostProcess(SERVER, ("--port", "0", "--bind", "127.0.0.1"))
        self.assertRegex(host.first_line, r"^Listening on http://127\.0\.0\.1:\d+/$")
        self.assertEqual(host.stop(), 0)

    def test_port_in_use_is_a_clear_error(self):
        blocker = socket.socket()
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        try:
            result = run(SERVER, "--port", str(port), "--data-dir", tempfile.mkdtemp())
        finally:
            blocker.close()
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn(str(port), result.stderr)
        self.assertIn("--port", result.stderr)

    def test_an_address_this_computer_lacks_is_named_as_the_problem(self):
        # 192.0.2.0/24 is for documentation: no machine has 192.0.2.123.
        result = run(SERVER, "--bind", "192.0.2.123", "--data-dir", tempfile.mkdtemp())
        self.assertEqual(result.returncode, 1)
        self.assertIn("192.0.2.123 is not an address of this computer", result.stderr)
        self.assertIn("127.0.0.1", result.stderr)  # one it does have
        self.assertNotIn("--port", result.stderr)

    def test_unknown_languages_and_options_are_usage_errors(self):
        for executable in (SERVER, DESKTOP):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp())
            with self.subTest(executable=executable):
                result = run(executable, "--lang", "fr", "--port", "0", env=env)
                self.assertEqual(result.returncode, 2)
                self.assertIn('Unknown language "fr": use one of en, es, pt_BR.', result.stderr)
                result = run(executable, "--no-such-option", env=env)
                self.assertEqual(result.returncode, 2)
                self.assertIn("no-such-option", result.stderr)
        # Spelled as browsers spell it, a known one is fine.
        result = run(SERVER, "--lang", "pt-BR", "--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("Uso:", result.stdout)

    def test_the_desktop_app_asks_when_its_port_is_taken(self):
        # Started from a menu nobody reads stderr: it waits with a dialog instead of vanishing
        # (the dialog's buttons are tested in tst_startproblemdialog), and a signal still ends it.
        blocker = socket.socket()
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp())
        process = subprocess.Popen([DESKTOP, "--port", str(port), "--data-dir", tempfile.mkdtemp(),
                                    "--no-announce"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=env)
        try:
            with self.assertRaises(subprocess.TimeoutExpired):
                process.wait(timeout=3)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=5)
        finally:
            blocker.close()
            if process.poll() is None:
                process.kill()
        self.assertIn(f"port {port}", stderr)
        self.assertEqual(process.returncode, 1)  # the room never started

    def test_invalid_values_are_usage_errors(self):
        for args, needle in ((("--bind", "999.1.1.1"), "Invalid address"),
                             (("--bind", "localhost"), "Invalid address"),
                             (("--port", "70000"), "Invalid port"),
                             (("--port", "eighty"), "Invalid port"),
                             (("--announce", "--no-announce"), "--no-announce"),
                             (("--room-name", " "), "Invalid room name"),
                             (("--room-name", "x" * 65), "Invalid room name"),
                             (("--room-name", "Bank\u202e"), "Invalid room name")):
            with self.subTest(args=args):
                result = run(SERVER, *args)
                self.assertEqual(result.returncode, 2)
                self.assertIn(needle, result.stderr)

    def test_an_option_is_never_taken_as_another_options_value(self):
        # Issue 30: "--password --port 9061" opened a room on 8080 with the password "--port".
        for executable, args in ((SERVER, ("--password", "--port", "9061")),
                                 (SERVER, ("--room-name", "--announce")),
                                 (DESKTOP, ("--name", "--port", "9061"))):
            with self.subTest(args=args):
                result = run(executable, *args, "--data-dir", tempfile.mkdtemp(),
                             env=dict(headless_env(), QT_QPA_PLATFORM="offscreen"))
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, "")  # nothing listened
                self.assertIn(f'{args[0]} needs a value, and "{args[1]}" is another option',
                              result.stderr)
        # Written with "=", such a value is meant: the room has that password.
        host = HostProcess(SERVER, ("--port", "0", "--bind", "127.0.0.1", "--password=--port"))
        try:
            self.assertRegex(host.first_line, r"^Listening on ")
        finally:
            self.assertEqual(host.stop(), 0)

    def test_help_says_how_the_room_is_named(self):
        # Issue 30: it said "Tertulia room" while the room was "Marta's room".
        for executable in (SERVER, DESKTOP):
            with self.subTest(executable=executable):
                text = " ".join(run(executable, "--help", env=dict(
                    headless_env(), QT_QPA_PLATFORM="offscreen", USER="")).stdout.split())
                self.assertIn('by default it is named after you, as in "Marta\'s room"', text)
                self.assertNotIn("Tertulia room", text)

    def test_unusable_history_is_a_clear_start_up_error(self):
        corrupt = tempfile.mkdtemp()
        with open(os.path.join(corrupt, "tertulia.sqlite"), "wb") as database:
            database.write(b"this is not a database" * 400)
        occupied = os.path.join(tempfile.mkdtemp(), "a-file")
        open(occupied, "w").close()
        for data_dir, needle in ((corrupt, "not a database"), (occupied + "/room", "a-file")):
            with self.subTest(data_dir=data_dir):
                result = run(SERVER, "--port", "0", "--data-dir", data_dir)
                self.assertEqual(result.returncode, 1)
                self.assertEqual(result.stdout, "")
                self.assertIn(needle, result.stderr)

    def test_history_options_are_checked(self):
        for args, needle in ((("--history", "forever"), "Invalid history policy"),
                             (("--history", "0"), "Invalid history policy"),
                             (("--backlog", "-1"), "Invalid backlog"),
                             (("--backlog", "501"), "Invalid backlog")):
            with self.subTest(args=args):
                result = run(SERVER, *args)
                self.assertEqual(result.returncode, 2)
                self.assertIn(needle, result.stderr)

    def test_history_lasts_across_restarts_of_the_process(self):
        data_dir = tempfile.mkdtemp()

        async def say_and_read(port, text):
            async with websockets.connect(f"ws://127.0.0.1:{port}/ws?name=Ana") as socket:
                while json.loads(await socket.recv())["type"] != "history":
                    pass
                if text:
                    await socket.send(json.dumps({"name": "Ana", "message": text}))
                    while json.loads(await socket.recv())["type"] != "ack":
                        pass
            async with websockets.connect(f"ws://127.0.0.1:{port}/ws?name=Reader") as socket:
                while True:
                    event = json.loads(await socket.recv())
                    if event["type"] == "history":
                        return [m["message"] for m in event["messages"]]

        first = HostProcess(SERVER, ("--port", "0", "--bind", "127.0.0.1"), data_dir=data_dir)
        self.assertEqual(asyncio.run(say_and_read(first.port, "antes")), ["antes"])
        self.assertEqual(first.stop(), 0)
        second = HostProcess(SERVER, ("--port", "0", "--bind", "127.0.0.1"), data_dir=data_dir)
        self.assertEqual(asyncio.run(say_and_read(second.port, "después")), ["antes", "después"])
        self.assertEqual(second.stop(), 0)

    def test_help_and_version(self):
        for executable in (SERVER, DESKTOP):
            with self.subTest(executable=executable):
                help_result = run(executable, "--help", env=headless_env())
                self.assertEqual(help_result.returncode, 0)
                self.assertIn("--port", help_result.stdout)
                self.assertIn("--bind", help_result.stdout)
                version = run(executable, "--version", env=headless_env())
                self.assertEqual(version.returncode, 0)
                self.assertRegex(version.stdout, r"\d+\.\d+\.\d+")
        self.assertIn("--join", run(DESKTOP, "--help", env=headless_env()).stdout)

    def test_help_follows_the_system_language(self):
        for language, needle in (("es_ES.UTF-8", "Puerto de la página"),
                                 ("pt_BR.UTF-8", "Porta da página")):
            with self.subTest(language=language):
                env = dict(headless_env(), LANG=language, LC_ALL=language,
                           LANGUAGE=language.split(".")[0])
                self.assertIn(needle, run(SERVER, "--help", env=env).stdout)

    def test_lang_overrides_the_system_language(self):
        env = dict(headless_env(), LANG="C.UTF-8", LC_ALL="C.UTF-8")
        for executable in (SERVER, DESKTOP):
            for args, needle in ((("--lang", "es"), "Puerto de la página"),
                                 (("--lang=pt_BR",), "Porta da página"),
                                 (("--lang", "en"), "Port for the page")):
                with self.subTest(executable=executable, args=args):
                    self.assertIn(needle, run(executable, *args, "--help", env=env).stdout)

    def test_install_puts_the_desktop_entry_and_icon_in_place(self):
        prefix = tempfile.mkdtemp()
        subprocess.run(["cmake", "--install", os.environ["TERTULIA_BUILD_DIR"], "--prefix", prefix],
                       check=True, capture_output=True)
        for path in ("bin/tertulia", "bin/tertulia-server", "share/applications/tertulia.desktop",
                     "share/icons/hicolor/scalable/apps/tertulia.svg"):
            self.assertTrue(os.path.exists(os.path.join(prefix, path)), path)
        with open(os.path.join(prefix, "share/applications/tertulia.desktop")) as entry:
            text = entry.read()
        self.assertIn("Exec=tertulia\n", text)
        self.assertIn("Exec=tertulia --find-rooms\n", text)  # the menu's second entry
        self.assertIn("Icon=tertulia\n", text)

    def test_headless_host_links_no_gui(self):
        libraries = subprocess.run(["ldd", SERVER], capture_output=True, text=True).stdout
        self.assertIn("libQt6WebSockets", libraries)
        self.assertNotIn("libQt6Gui", libraries)
        self.assertNotIn("libQt6Widgets", libraries)

    def test_desktop_without_a_display_hosts_headless(self):
        host = HostProcess(DESKTOP, ("--port", "0", "--bind", "127.0.0.1"), env=headless_env())
        with urllib.request.urlopen(f"http://127.0.0.1:{host.port}/", timeout=5) as reply:
            self.assertEqual(reply.status, 200)
        self.assertEqual(host.stop(), 0)
        # HostProcess closed stderr; the notice itself is checked below.

    def test_desktop_without_a_display_says_so(self):
        process = subprocess.Popen([DESKTOP, "--port", "0", "--bind", "127.0.0.1",
                                    "--data-dir", tempfile.mkdtemp()],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=headless_env())
        try:
            self.assertTrue(process.stdout.readline().startswith("Listening on http://"))
        finally:
            process.terminate()
            _, stderr = process.communicate(timeout=10)
        self.assertIn("No display", stderr)
        self.assertEqual(process.returncode, 0)

    def test_join_without_a_display_is_refused(self):
        for args in (("--join", "http://127.0.0.1:9/"), ("--find-rooms",)):
            with self.subTest(args=args):
                result = run(DESKTOP, *args, env=headless_env())
                self.assertEqual(result.returncode, 2)
                self.assertIn("No display", result.stderr)

    def test_join_with_a_name_joins_under_that_name(self):
        # QGuiApplication eats "--name" (the X11 resource name) unless tertulia keeps it.
        host = HostProcess(SERVER, ("--port", "0", "--bind", "127.0.0.1"))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp())
        window = subprocess.Popen([DESKTOP, "--join", f"http://127.0.0.1:{host.port}/",
                                   "--name", "Bea Window"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            names = asyncio.run(members_once_someone_joins(host.socket_url("name=Watcher")))
        finally:
            window.terminate()
            window.wait(timeout=10)
            host.stop()
        self.assertIn("Bea Window", names)

    def assert_signal_ends_the_room(self, host, signal_number, close_code, told):
        events, code = asyncio.run(told_when_the_host_stops(
            host.socket_url("name=Ana"), lambda: host.process.send_signal(signal_number)))
        self.assertEqual(code, close_code)
        ended = [event for event in events if event["type"] == "room_ended"]
        self.assertEqual(len(ended), 1 if told else 0)
        if told:
            self.assertEqual(ended[0]["reason"], "The host ended the room.")
        # The process exits by itself, 0, within a few seconds of the signal.
        self.assertEqual(host.process.wait(timeout=5), 0)
        host.stop()

    def test_sigterm_ends_the_room_and_says_so(self):
        self.assert_signal_ends_the_room(HostProcess(SERVER), signal.SIGTERM, 1001, True)

    def test_sigint_ends_the_room_too(self):
        self.assert_signal_ends_the_room(HostProcess(SERVER), signal.SIGINT, 1001, True)

    def test_sighup_is_a_restart_members_come_back_from(self):
        self.assert_signal_ends_the_room(HostProcess(SERVER), signal.SIGHUP, 1012, False)

    def test_sigterm_quits_a_hosting_desktop_app(self):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp())
        host = HostProcess(DESKTOP, ("--port", "0", "--name", "Host", "--no-announce"), env=env)
        self.assert_signal_ends_the_room(host, signal.SIGTERM, 1001, True)

    def test_join_with_a_bad_address_is_refused(self):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for address in ("ftp://example/", "nonsense", "http://", "192.168.1.20:port"):
            with self.subTest(address=address):
                result = run(DESKTOP, "--join", address, env=env)
                self.assertEqual(result.returncode, 2)
                self.assertIn("Invalid address", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
