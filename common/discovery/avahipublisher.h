#pragma once

#include "roomannouncement.h"

#include <QtCore/QObject>
#include <QtDBus/QDBusConnection>

class QDBusServiceWatcher;

// Announces the room through the Avahi daemon, when one runs: _tertulia._tcp with the room's
// TXT record, and _http._tcp (or _https._tcp) with path=/ so any service browser lists the page.
// Follows the daemon when it restarts; a name taken on the LAN gets Avahi's alternative.
// Every call is asynchronous: a stuck daemon never holds up the room.
class AvahiPublisher final : public QObject
{
    Q_OBJECT

public:
    explicit AvahiPublisher(const QDBusConnection &bus, QObject *parent = nullptr);

    // The first call registers; later ones update the TXT record when it changed.
    void publish(const RoomAnnouncement &room);
    void withdraw();

private slots:
    // QtDBus connects D-Bus signals by name only, so these stay slots.
    void onStateChanged(int state, const QString &error);

private:
    void createGroup();
    void addServices();
    void forget();
    QList<QVariant> serviceArguments(const QString &type) const;

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher;
    RoomAnnouncement m_room;
    QList<QByteArray> m_publishedTxt; // the TXT record Avahi was last given
    QString m_name; // the service name, the room's unless Avahi had to pick another
    QString m_groupPath;
    bool m_wanted = false;
    bool m_creating = false;
    bool m_committed = false;
};
