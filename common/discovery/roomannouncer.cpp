#include "roomannouncer.h"

#include "avahipublisher.h"
#include "beaconannouncer.h"
#include "beaconmessage.h"

#include <QtDBus/QDBusConnection>

RoomAnnouncer::RoomAnnouncer(Describe describe, QObject *parent)
    : QObject(parent),
      m_describe(std::move(describe)),
      m_beacon(new BeaconAnnouncer(this)),
      m_avahi(new AvahiPublisher(QDBusConnection::systemBus(), this))
{
    m_interval.setInterval(BeaconMessage::intervalMs());
    connect(&m_interval, &QTimer::timeout, this, &RoomAnnouncer::refresh);
}

RoomAnnouncer::~RoomAnnouncer()
{
    stop();
}

bool RoomAnnouncer::start(QString *error)
{
    // The suite runs with TERTULIA_TEST_NO_LAN set (tests/CMakeLists.txt), except inside a
    // network namespace of a test's own (tests/support/lan-namespace.sh): a test host about to
    // tell the real LAN about its room stops here, and its test fails.
    if (qEnvironmentVariableIsSet("TERTULIA_TEST_NO_LAN"))
        qFatal("A test host was about to announce its room on the real LAN: give it "
               "--no-announce, bind it to loopback, or run it in a network namespace.");
    m_beaconOpen = m_beacon->start(error);
    m_interval.start();
    refresh();
    return m_beaconOpen;
}

void RoomAnnouncer::refresh()
{
    if (!m_interval.isActive())
        return;
    const RoomAnnouncement room = m_describe();
    if (m_beaconOpen)
        m_beacon->announce(room);
    m_avahi->publish(room);
}

void RoomAnnouncer::stop()
{
    if (!m_interval.isActive())
        return;
    m_interval.stop();
    m_beacon->withdraw();
    m_avahi->withdraw();
}
