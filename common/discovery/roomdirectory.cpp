#include "roomdirectory.h"

#include "avahibrowser.h"
#include "beaconlistener.h"
#include "beaconmessage.h"

#include <algorithm>

#include <QtDBus/QDBusConnection>

#include <algorithm>

using namespace Qt::StringLiterals;

QUrl FoundRoom::pageUrl() const
{
    QUrl url;
    url.setScheme(announcement.tls ? u"https"_s : u"http"_s);
    url.setHost(address.toString());
    url.setPort(announcement.port);
    url.setPath(u"/"_s);
    return url;
}

RoomDirectory::RoomDirectory(QObject *parent)
    : QObject(parent),
      m_beacon(new BeaconListener(this)),
      m_avahi(new AvahiBrowser(QDBusConnection::systemBus(), this))
{
    connect(m_beacon, &BeaconListener::announced, this,
            [this](const RoomAnnouncement &room, const QHostAddress &from) {
                note(room, from, Source::Beacon);
            });
    connect(m_beacon, &BeaconListener::withdrawn, this,
            [this](const QString &id, const QHostAddress &from) {
                forget(id, from, Source::Beacon);
            });
    connect(m_avahi, &AvahiBrowser::announced, this,
            [this](const RoomAnnouncement &room, const QHostAddress &from) {
                note(room, from, Source::DnsSd);
            });
    connect(m_avahi, &AvahiBrowser::withdrawn, this,
            [this](const QString &id, const QHostAddress &from) {
                forget(id, from, Source::DnsSd);
            });
    connect(m_avahi, &AvahiBrowser::started, this, [this](bool browsing, const QString &why) {
        m_avahiProblem = browsing ? QString() : why;
        noteChange();
    });
    m_changed.setSingleShot(true);
    m_changed.setInterval(kChangeDelayMs);
    connect(&m_changed, &QTimer::timeout, this, &RoomDirectory::changed);
    m_expiry.setInterval(std::min(1000, BeaconMessage::intervalMs() / 2));
    connect(&m_expiry, &QTimer::timeout, this, &RoomDirectory::expire);
}

RoomDirectory::~RoomDirectory() = default;

void RoomDirectory::start()
{
    m_clock.start();
    m_expiry.start();
    if (!m_beacon->start(&m_beaconProblem))
        noteChange();
    m_avahi->start();
}

void RoomDirectory::noteChange()
{
    if (!m_changed.isActive())
        m_changed.start();
}

QList<FoundRoom> RoomDirectory::rooms() const
{
    QList<FoundRoom> rooms;
    for (const Entry &entry : m_entries)
        rooms.append(entry.room);
    std::sort(rooms.begin(), rooms.end(), [](const FoundRoom &a, const FoundRoom &b) {
        const int byName = a.announcement.room.localeAwareCompare(b.announcement.room);
        return byName != 0 ? byName < 0 : a.announcement.id < b.announcement.id;
    });
    return rooms;
}

void RoomDirectory::note(const RoomAnnouncement &room, const QHostAddress &from, Source source)
{
    auto entry = m_entries.find(room.id);
    if (entry == m_entries.end()) {
        makeRoomFor(from);
        entry = m_entries.insert(room.id, Entry{FoundRoom{room, from}});
    } else if (entry->room.address != from) {
        // Heard on a second network, or forged: the address it was first heard at stays until
        // it stops announcing there.
        return;
    }
    FoundRoom &found = entry->room;
    const FoundRoom before = found;
    found.announcement = room;
    found.address = from;
    entry->heardMs = m_clock.elapsed();
    entry->heard = std::min(entry->heard + 1, kHeardEnough);
    if (source == Source::Beacon) {
        found.viaBeacon = true;
        entry->beaconHeardMs = m_clock.elapsed();
    } else {
        found.viaDnsSd = true;
    }
    if (before.announcement != found.announcement || before.address != found.address
        || before.viaBeacon != found.viaBeacon || before.viaDnsSd != found.viaDnsSd)
        noteChange();
}

void RoomDirectory::makeRoomFor(const QHostAddress &from)
{
    const auto stalest = [this](auto wanted) {
        auto found = m_entries.end();
        for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry) {
            if (!wanted(*entry))
                continue;
            if (found == m_entries.end() || entry->heard < found->heard
                || (entry->heard == found->heard && entry->heardMs < found->heardMs))
                found = entry;
        }
        return found;
    };
    const auto fromThere = [&from](const Entry &entry) { return entry.room.address == from; };
    const auto any = [](const Entry &) { return true; };
    if (std::count_if(m_entries.cbegin(), m_entries.cend(), fromThere) >= kMaxRoomsPerAddress)
        m_entries.erase(stalest(fromThere));
    else if (m_entries.size() >= kMaxRooms)
        m_entries.erase(stalest(any));
    else
        return;
    noteChange();
}

void RoomDirectory::forget(const QString &id, const QHostAddress &from, Source source)
{
    auto entry = m_entries.find(id);
    if (entry == m_entries.end() || entry->room.address != from)
        return; // only the address a room was heard from may take it away
    if (source == Source::Beacon) {
        m_entries.erase(entry); // a goodbye: the host is stopping, whatever Avahi still says
    } else {
        entry->room.viaDnsSd = false;
        if (!entry->room.viaBeacon)
            m_entries.erase(entry);
    }
    noteChange();
}

void RoomDirectory::expire()
{
    bool removed = false;
    const qint64 now = m_clock.elapsed();
    for (auto entry = m_entries.begin(); entry != m_entries.end();) {
        if (entry->room.viaBeacon && now - entry->beaconHeardMs > BeaconMessage::expiryMs()) {
            entry->room.viaBeacon = false;
            removed = true;
        }
        if (!entry->room.viaBeacon && !entry->room.viaDnsSd)
            entry = m_entries.erase(entry);
        else
            ++entry;
    }
    if (removed)
        noteChange();
}
