"""Rooms found on the LAN, for real: tertulia-server hosts announce, tertulia-roomwatch lists
them as the window's dialog does (RoomDirectory), and a native client joins what it lists.

Each group of tests runs in a network namespace of its own (unshare), so nothing is announced
beyond it: the beacon group on loopback with multicast switched on, the Avahi group with its
own dbus-daemon (as the system bus) and avahi-daemon on a veth pair.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from hostprocess import HostProcess, wait_until  # noqa: E402
from nativeprobe import Probe  # noqa: E402

SKIP = 77  # ctest's SKIP_RETURN_CODE for this test
GROUP = "239.255.84.76"
PORT = 53176
# Every host and listener here beacons every half second instead of every 2 s
# (BeaconMessage::intervalMs()), so waiting out an interval or an expiry costs a quarter.
os.environ["TERTULIA_BEACON_INTERVAL_MS"] = "500"
INTERVAL_S = 0.5  # BeaconMessage::intervalMs()
EXPIRY_S = 3 * INTERVAL_S + INTERVAL_S / 2  # BeaconMessage::expiryMs()
ROOMWATCH = os.environ["TERTULIA_ROOMWATCH"]


def run(command):
    subprocess.run(command, shell=True, check=True)


class RoomWatch:
    """tertulia-roomwatch: the directory's list after each change, and what it refused."""

    def __init__(self, env=None):
        self.process = subprocess.Popen([ROOMWATCH], stdout=subprocess.PIPE, text=True,
                                        bufsize=1, env=env)
        self.lists = []
        self.refusals = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            event = json.loads(line)
            with self.lock:
                if "rooms" in event:
                    self.lists.append(event)
                elif "rejected" in event:
                    self.refusals.append(event["rejected"])

    def rooms(self):
        with self.lock:
            return self.lists[-1]["rooms"] if self.lists else []

    def last(self):
        with self.lock:
            return self.lists[-1] if self.lists else {}

    def find(self, port):
        return [room for room in self.rooms() if room["url"].endswith(f":{port}/")]

    def ever_listed(self, port):
        with self.lock:
            return any(room["url"].endswith(f":{port}/")
                       for event in self.lists for room in event["rooms"])

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)


def host(*args, env=None):
    return HostProcess(args=("--port", "0", *args), env=env)


def send_datagram(payload, source="127.0.0.1"):
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
    sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(source))
    sender.bind((source, 0))
    sender.sendto(payload, (GROUP, PORT))
    sender.close()


def forged_room(room_id, name, port, **fields):
    room = {"tertulia": 1, "kind": "room", "id": room_id, "protocol": 1, "version": "0.1.0",
            "room": name, "host": "forger", "port": port, "tls": False, "password": False,
            "locked": False, "members": 0}
    room.update(fields)
    return json.dumps(room).encode()


class BeaconTests(unittest.TestCase):
    """Loopback only, multicast on: the beacon alone (no Avahi daemon, no system bus)."""

    def setUp(self):
        self.cleanups = []

    def tearDown(self):
        for cleanup in reversed(self.cleanups):
            cleanup()

    def start_host(self, *args, env=None):
        started = host(*args, env=env)
        self.cleanups.append(started.stop)
        return started

    def start_watch(self):
        watch = RoomWatch()
        self.cleanups.append(watch.stop)
        return watch

    def test_a_hosted_room_is_listed_within_two_seconds_and_joined_from_the_list(self):
        quiet = self.start_host()  # tertulia-server announces only when asked
        ana = self.start_host("--announce", "--room-name", "Ana's room")
        watch = self.start_watch()
        wait_until(lambda: watch.find(ana.port), 2.0, "the announced room in the list")
        [room] = watch.find(ana.port)
        self.assertEqual(room["room"], "Ana's room")
        self.assertEqual(room["members"], 0)
        self.assertEqual((room["password"], room["tls"], room["locked"]), (False, False, False))
        self.assertEqual(room["protocol"], 1)
        self.assertTrue(room["beacon"])
        self.assertEqual(room["url"], f"http://127.0.0.1:{ana.port}/")
        self.assertIn("beaconProblem", watch.last())
        self.assertEqual(watch.last()["beaconProblem"], "")

        # Joined from the address the list gives: the members count follows within an interval.
        probe = Probe(room["url"], "Bea")
        self.cleanups.append(probe.stop)
        wait_until(lambda: probe.of("joined"), 10, "Bea joining from the listed address")
        wait_until(lambda: watch.find(ana.port) and watch.find(ana.port)[0]["members"] == 1,
                   INTERVAL_S + 2, "the member count announced")

        time.sleep(INTERVAL_S + 0.5)  # a whole interval: the quiet host had its chance
        self.assertFalse(watch.ever_listed(quiet.port), "announced without --announce")

    def test_a_password_and_a_name_from_the_environment_are_announced(self):
        # As the packaged service names its room: a variable of its own, spaces and all.
        env = dict(os.environ, TERTULIA_ROOM_NAME="Library, second floor")
        with_password = self.start_host("--announce", "--password", "hunter2", env=env)
        watch = self.start_watch()
        wait_until(lambda: watch.find(with_password.port), 2.0, "the room with a password")
        [room] = watch.find(with_password.port)
        self.assertTrue(room["password"])
        self.assertEqual(room["room"], "Library, second floor")

    def test_a_stopped_host_says_goodbye_and_a_killed_one_expires(self):
        leaving = self.start_host("--announce", "--room-name", "Leaving")
        killed = self.start_host("--announce", "--room-name", "Killed")
        watch = self.start_watch()
        wait_until(lambda: watch.find(leaving.port) and watch.find(killed.port), 2.0,
                   "both rooms listed")
        self.assertEqual(leaving.stop(), 0)
        stopped_at = time.monotonic()
        wait_until(lambda: not watch.find(leaving.port), 2.0, "the goodbye taking it away")
        print(f"gone {time.monotonic() - stopped_at:.2f} s after SIGTERM", file=sys.stderr)
        self.assertTrue(watch.find(killed.port), "only the room that left went")

        killed.process.kill()
        killed_at = time.monotonic()
        wait_until(lambda: not watch.find(killed.port), EXPIRY_S + 1.5, "the silent room expiring")
        gone_after = time.monotonic() - killed_at
        print(f"gone {gone_after:.2f} s after kill -9", file=sys.stderr)
        self.assertGreater(gone_after, EXPIRY_S - INTERVAL_S - 0.5, "expired too early")

    def test_malformed_oversized_and_forged_datagrams_cost_nothing(self):
        real = self.start_host("--announce", "--room-name", "Real room")
        watch = self.start_watch()
        wait_until(lambda: watch.find(real.port), 2.0, "the real room")
        real_id = watch.find(real.port)[0]["id"]
        bad = [b"hello", b"\xff\xfe\x00garbage", b"[]", b"{}", b"x" * 5000,
               forged_room("forgedroom1", "A" * 65, 9999),
               forged_room("forgedroom2", "\u202emoor s'anA", 9999),
               forged_room("forgedroom3", "Port", "9999"),
               forged_room("forgedroom4", "Many", 9999, members=-5),
               json.dumps({"tertulia": 1, "kind": "room", "id": "x"}).encode(),
               json.dumps({"tertulia": 1, "kind": "room" * 300}).encode()]
        for payload in bad:
            send_datagram(payload)
        wait_until(lambda: len(watch.refusals) >= len(bad), 3, "every bad datagram refused")
        self.assertTrue(any("larger" in why for why in watch.refusals), watch.refusals)
        # A goodbye for the real room from another address does not take it away.
        send_datagram(json.dumps({"tertulia": 1, "kind": "goodbye", "id": real_id}).encode(),
                      source="127.0.0.2")
        # A flood of questions gets a few answers, and the host keeps chatting meanwhile.
        for _ in range(2000):
            send_datagram(b'{"tertulia":1,"kind":"query"}')
        speaker = Probe(f"http://127.0.0.1:{real.port}/", "Speaker")
        listener = Probe(f"http://127.0.0.1:{real.port}/", "Listener")
        self.cleanups += [speaker.stop, listener.stop]
        wait_until(lambda: speaker.of("joined") and listener.of("joined"), 10,
                   "two members joining during the flood")
        speaker.send("still here")
        wait_until(lambda: any(event.get("text") == "still here"
                               for event in listener.of("message")),
                   10, "one member's message reaching the other")
        time.sleep(1)
        names = [room["room"] for room in watch.rooms()]
        self.assertEqual(names, ["Real room"], "only the real room is listed")

    def test_a_flood_of_forged_rooms_is_capped_and_keeps_no_real_room_out(self):
        watch = self.start_watch()
        # One address announcing rooms without end holds kMaxRoomsPerAddress places.
        stop = threading.Event()

        def flood():
            number = 0
            while not stop.is_set():
                send_datagram(forged_room(f"forged-{number:06d}", f"Room {number}",
                                          10000 + number % 50000), source="127.0.0.2")
                number += 1
                time.sleep(0.002)  # a flood, but one the kernel's socket buffer does not drop

        flooding = threading.Thread(target=flood, daemon=True)
        flooding.start()
        self.cleanups.append(flooding.join)
        self.cleanups.append(stop.set)
        wait_until(lambda: len(watch.rooms()) >= 8, 5, "the flood listed")
        time.sleep(0.5)
        self.assertEqual(len(watch.rooms()), 8)  # RoomDirectory::kMaxRoomsPerAddress
        # A real room started while the flood lasts is listed.
        real = self.start_host("--announce", "--room-name", "Real room")
        wait_until(lambda: watch.find(real.port), 3, "the real room listed during the flood")
        time.sleep(2 * INTERVAL_S + 0.5)  # heard a few times
        # Many addresses at once: the list stays at kMaxRooms, the real room stays in it.
        for address in range(3, 63):
            for number in range(8):
                send_datagram(forged_room(f"many-{address}-{number}", f"Many {address}.{number}",
                                          20000 + number), source=f"127.0.0.{address}")
                time.sleep(0.002)  # as above: a burst the socket buffer does not drop
        wait_until(lambda: len(watch.rooms()) == 256, 10, "the list full")
        time.sleep(0.5)
        self.assertEqual(len(watch.rooms()), 256)  # RoomDirectory::kMaxRooms
        self.assertTrue(watch.find(real.port), "a real room was pushed out by made-up ones")
        stop.set()
        # Made-up rooms that stop announcing leave like any other; the real one stays.
        wait_until(lambda: [r["room"] for r in watch.rooms()] == ["Real room"], EXPIRY_S + 3,
                   "the forged rooms expiring")


AVAHI_CONF = """[server]
use-ipv4=yes
use-ipv6=no
allow-interfaces=tertulia0
ratelimit-interval-usec=0
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
"""

BUS_CONF = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_type="method_return"/>
    <allow send_type="signal"/>
    <allow send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="signal"/>
    <allow receive_type="error"/>
  </policy>
</busconfig>
"""


class AvahiTests(unittest.TestCase):
    """A private system bus and a real avahi-daemon on a veth pair (loopback multicast off, so
    the beacon and Avahi both see the host at the veth's address and must merge the room)."""

    @classmethod
    def setUpClass(cls):
        for program in ("dbus-daemon", "avahi-daemon"):
            if not shutil.which(program) and not os.path.exists(f"/usr/sbin/{program}"):
                raise unittest.SkipTest(f"{program} is not installed")
        cls.scratch = tempfile.mkdtemp(prefix="tertulia-avahi-")
        bus = os.path.join(cls.scratch, "bus")
        with open(os.path.join(cls.scratch, "bus.conf"), "w") as conf:
            conf.write(BUS_CONF.format(socket=bus))
        with open(os.path.join(cls.scratch, "avahi.conf"), "w") as conf:
            conf.write(AVAHI_CONF)
        cls.bus = subprocess.Popen(["dbus-daemon", "--nofork", "--config-file",
                                    os.path.join(cls.scratch, "bus.conf")])
        wait_until(lambda: os.path.exists(bus), 10, "the private bus")
        cls.env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={bus}")
        cls.start_avahi()
        try:
            wait_until(lambda: "Server startup complete" in cls.avahi_said(), 15,
                       "avahi-daemon starting")
        except AssertionError:
            said = cls.avahi_said()
            cls.tearDownClass()
            raise unittest.SkipTest(f"avahi-daemon cannot run here: {said[-300:]}")

    @classmethod
    def start_avahi(cls):
        cls.avahi_log = open(os.path.join(cls.scratch, "avahi.log"), "w")
        cls.avahi = subprocess.Popen(
            ["/usr/sbin/avahi-daemon", "-f", os.path.join(cls.scratch, "avahi.conf"),
             "--no-drop-root", "--no-chroot", "--no-rlimits"],
            env=cls.env, stdout=cls.avahi_log, stderr=subprocess.STDOUT)

    def restart_avahi(self):
        self.avahi.terminate()
        self.avahi.wait(timeout=10)
        self.avahi_log.close()
        self.start_avahi()
        wait_until(lambda: "Server startup complete" in self.avahi_said(), 15,
                   "avahi-daemon starting again")

    @classmethod
    def avahi_said(cls):
        with open(cls.avahi_log.name) as log:
            return log.read()

    @classmethod
    def tearDownClass(cls):
        for process in (cls.avahi, cls.bus):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        cls.avahi_log.close()

    def setUp(self):
        self.cleanups = []

    def tearDown(self):
        for cleanup in reversed(self.cleanups):
            cleanup()

    def avahi_call(self, *arguments):
        import dbus
        bus = dbus.bus.BusConnection(self.env["DBUS_SYSTEM_BUS_ADDRESS"])
        self.cleanups.append(bus.close)
        server = dbus.Interface(bus.get_object("org.freedesktop.Avahi", "/"),
                                "org.freedesktop.Avahi.Server")
        return bus, server

    def test_the_room_is_published_for_tertulia_and_for_any_browser(self):
        ana = HostProcess(args=("--port", "0", "--announce", "--room-name", "Ana's room"),
                          env=self.env)
        self.cleanups.append(ana.stop)
        watch = RoomWatch(env=self.env)
        self.cleanups.append(watch.stop)
        wait_until(lambda: watch.find(ana.port) and watch.find(ana.port)[0]["dnssd"], 10,
                   "the room through Avahi")
        wait_until(lambda: watch.find(ana.port)[0]["beacon"], 5, "the room by beacon too")
        self.assertEqual(len(watch.find(ana.port)), 1, "heard both ways, listed once")
        self.assertEqual(watch.last()["avahiProblem"], "")
        [room] = watch.find(ana.port)
        self.assertEqual(room["url"], f"http://10.77.0.1:{ana.port}/")

        # Generic service browsers see the page as _http._tcp with path=/.
        _, server = self.avahi_call()
        resolved = server.ResolveService(-1, 0, "Ana's room", "_http._tcp", "local", 0,
                                         dbus_uint(0))
        self.assertEqual(int(resolved[8]), ana.port)
        self.assertIn(b"path=/", [bytes(entry) for entry in resolved[9]])

        # Its TXT record follows the room: a member joins, Avahi answers with members=1.
        probe = Probe(room["url"], "Bea")
        self.cleanups.append(probe.stop)
        wait_until(lambda: probe.of("joined"), 10, "Bea joining")

        def announced_members():
            record = server.ResolveService(-1, 0, "Ana's room", "_tertulia._tcp", "local", 0,
                                           dbus_uint(0))[9]
            return [bytes(entry) for entry in record if bytes(entry).startswith(b"members=")]
        wait_until(lambda: announced_members() == [b"members=1"], 2 * INTERVAL_S + 3,
                   "the TXT record's member count updated")

        # The daemon restarts (an upgrade, say): the host announces itself to the new one and
        # the list hears of it again through Avahi, while the beacon kept it listed.
        self.restart_avahi()
        wait_until(lambda: watch.find(ana.port) and not watch.find(ana.port)[0]["dnssd"], 10,
                   "the room heard only by beacon while Avahi is away")
        wait_until(lambda: watch.find(ana.port) and watch.find(ana.port)[0]["dnssd"], 20,
                   "the room through the restarted Avahi")

    def test_a_room_published_by_another_program_is_listed_and_withdrawn(self):
        import dbus
        watch = RoomWatch(env=self.env)
        self.cleanups.append(watch.stop)
        bus, server = self.avahi_call()
        group = dbus.Interface(bus.get_object("org.freedesktop.Avahi", server.EntryGroupNew()),
                               "org.freedesktop.Avahi.EntryGroup")
        txt = [b"txtvers=1", b"id=elsewhere-room-1", b"protocol=1", b"version=0.1.0",
               b"room=Elsewhere", b"host=other", b"password=1", b"tls=0", b"locked=1",
               b"members=4"]
        forged = [b"txtvers=1", b"id=forged-room-1", b"protocol=1", b"version=0.1.0",
                  b"room=\xe2\x80\xaeknaB", b"host=other", b"members=1"]
        for name, port, record in (("Elsewhere", 9123, txt), ("Forged", 9124, forged)):
            group.AddService(-1, -1, dbus_uint(0), name, "_tertulia._tcp", "", "",
                             dbus.UInt16(port), [dbus.ByteArray(entry) for entry in record])
        group.Commit()
        wait_until(lambda: watch.find(9123), 10, "a room only Avahi knows of")
        [room] = watch.find(9123)
        self.assertEqual((room["room"], room["members"], room["password"], room["locked"]),
                         ("Elsewhere", 4, True, True))
        self.assertEqual((room["dnssd"], room["beacon"]), (True, False))
        time.sleep(1)
        self.assertFalse(watch.find(9124), "a forged name is not listed")
        group.Free()
        wait_until(lambda: not watch.find(9123), 10, "the room withdrawn through Avahi")


def dbus_uint(value):
    import dbus
    return dbus.UInt32(value)


def in_namespace(group):
    """Runs this file's `group` again in a network (and mount) namespace of its own; 77 when
    this machine cannot make one or set up its links."""
    setup = {
        "BeaconTests": "ip link set lo up && ip link set lo multicast on && "
                       "ip route add 224.0.0.0/4 dev lo",
        "AvahiTests": "mount -t tmpfs tmpfs /run && mkdir -p /run/avahi-daemon && "
                      "ip link set lo up && "
                      "ip link add tertulia0 type veth peer name tertulia1 && "
                      "ip link set tertulia1 up && ip link set tertulia0 multicast on && "
                      "ip addr add 10.77.0.1/24 dev tertulia0 && ip link set tertulia0 up && "
                      "ip route add 224.0.0.0/4 dev tertulia0",
    }[group]
    # As root, no user namespace: avahi-daemon creates its runtime directory as root.
    unshare = ["unshare", "-nm"] if os.geteuid() == 0 else ["unshare", "-rnm"]
    probe = subprocess.run(unshare + ["true"], capture_output=True, text=True)
    if probe.returncode != 0:
        print(f"{group} skipped: no network namespace here ({probe.stderr.strip()})")
        return SKIP
    script = (f"if ! ({setup}); then echo '{group} skipped: its links cannot be set up here'; "
              f"exit {SKIP}; fi; exec \"$0\" \"$@\"")
    command = unshare + ["sh", "-c", script, sys.executable, os.path.abspath(__file__), group]
    env = dict(os.environ, TERTULIA_IN_NAMESPACE="1")
    env.pop("TERTULIA_TEST_NO_LAN", None)  # this LAN is the namespace's own: hosts may announce
    return subprocess.run(command, env=env).returncode


if __name__ == "__main__":
    if os.environ.get("TERTULIA_IN_NAMESPACE") == "1":
        unittest.main(verbosity=2)
    results = [in_namespace(group) for group in ("BeaconTests", "AvahiTests")]
    if any(result not in (0, SKIP) for result in results):
        sys.exit(1)
    sys.exit(SKIP if all(result == SKIP for result in results) else 0)
