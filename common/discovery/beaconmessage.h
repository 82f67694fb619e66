#pragma once

#include "roomannouncement.h"

#include <optional>

// The beacon's datagrams: a host's room (sent every BeaconMessage::kIntervalMs and when asked),
// its goodbye, and a listener's question "which rooms are here?". JSON, one object, at most
// RoomAnnouncement::kMaxDatagramBytes.
struct BeaconMessage
{
    enum class Kind { Room, Goodbye, Query };

    static constexpr int kFormat = 1; // the "tertulia" field: raised if the format changes
    static constexpr int kIntervalMs = 2000;
    // A room not heard from for this long is gone (three announcements lost, and some slack).
    static constexpr int kExpiryMs = 3 * kIntervalMs + kIntervalMs / 2;
    // What this process runs with: the above, unless TERTULIA_BEACON_INTERVAL_MS (100 to
    // 60 000) sets another interval, and the expiry with it: for tests, which cannot wait
    // seconds for every beacon. Hosts and listeners of one test share the setting.
    static int intervalMs();
    static int expiryMs();

    Kind kind = Kind::Query;
    RoomAnnouncement room; // all of it for Room; only the id for Goodbye

    QByteArray encode() const;
    static std::optional<BeaconMessage> decode(const QByteArray &datagram, QString *why);
};
