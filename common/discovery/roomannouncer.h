#pragma once

#include "roomannouncement.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>

class AvahiPublisher;
class BeaconAnnouncer;

// Keeps a hosted room announced on the LAN, by the beacon and through Avahi when it runs:
// asks `describe` for the room's state every BeaconMessage::intervalMs() and says it.
class RoomAnnouncer final : public QObject
{
    Q_OBJECT

public:
    using Describe = std::function<RoomAnnouncement()>;

    explicit RoomAnnouncer(Describe describe, QObject *parent = nullptr);
    ~RoomAnnouncer() override;

    // False, with *error, when the beacon's port cannot be bound (Avahi is tried regardless).
    bool start(QString *error);
    void refresh(); // now, not at the next interval: the room changed
    void stop(); // goodbye on both; the room is closing

private:
    Describe m_describe;
    BeaconAnnouncer *m_beacon;
    AvahiPublisher *m_avahi;
    QTimer m_interval;
    bool m_beaconOpen = false;
};
