#!/bin/sh
# Runs a command on a LAN of its own: a new network namespace whose loopback carries multicast,
# so tests of the rooms' announcements hear each other and nothing leaves the namespace.
# Exits 77 (skipped, for ctest) where this machine allows no network namespace.
setup='ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo'
if [ "$(id -u)" -eq 0 ]; then
    unshare="unshare -n"
else
    unshare="unshare -rn"
fi
if ! $unshare true 2>/dev/null; then
    echo "skipped: no network namespace here" >&2
    exit 77
fi
# Inside, the LAN is the namespace's own: its hosts may announce (RoomAnnouncer's guard).
exec $unshare sh -c "$setup && unset TERTULIA_TEST_NO_LAN && exec \"\$@\"" lan-namespace "$@"
