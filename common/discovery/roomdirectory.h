#pragma once

#include "roomannouncement.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>

class AvahiBrowser;
class BeaconListener;

// A room heard of on the LAN: what it says of itself, and where it was heard from.
struct FoundRoom
{
    RoomAnnouncement announcement;
    QHostAddress address;
    bool viaBeacon = false;
    bool viaDnsSd = false;

    QUrl pageUrl() const; // http(s)://ADDRESS:PORT/
};

// The live list of rooms announced on the LAN, merged from the beacon and from Avahi (one
// room heard both ways is one entry, by its id). A room that stops announcing leaves the list
// BeaconMessage::expiryMs() after its last beacon, or when Avahi says it went; a goodbye takes
// it out at once. At most kMaxRooms are kept, and kMaxRoomsPerAddress from one address: a new
// room past either cap takes the place of one heard fewest times (of that address, or of
// all), the one heard from longest ago among those, so a flood of made-up rooms costs little
// and keeps out no real room, which announces itself every few seconds. A burst of changes is
// one changed(), kChangeDelayMs after the first.
class RoomDirectory final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRooms = 256;
    static constexpr int kMaxRoomsPerAddress = 8;
    static constexpr int kChangeDelayMs = 100;

    explicit RoomDirectory(QObject *parent = nullptr);
    ~RoomDirectory() override;

    void start();
    QList<FoundRoom> rooms() const; // by room name
    // Why a source is not listening ("" when both are): for the dialog's footnote.
    QString beaconProblem() const { return m_beaconProblem; }
    QString avahiProblem() const { return m_avahiProblem; }

signals:
    void changed();

private:
    enum class Source { Beacon, DnsSd };
    void note(const RoomAnnouncement &room, const QHostAddress &from, Source source);
    void forget(const QString &id, const QHostAddress &from, Source source);
    void expire();
    void noteChange();
    void makeRoomFor(const QHostAddress &from); // under both caps before a new room goes in

    struct Entry
    {
        FoundRoom room;
        qint64 beaconHeardMs = -1;
        qint64 heardMs = -1; // last heard either way
        int heard = 0; // times, up to kHeardEnough
    };
    static constexpr int kHeardEnough = 3;
    BeaconListener *m_beacon;
    AvahiBrowser *m_avahi;
    QHash<QString, Entry> m_entries; // by announcement id
    QElapsedTimer m_clock;
    QTimer m_expiry;
    QTimer m_changed;
    QString m_beaconProblem;
    QString m_avahiProblem;
};
