#pragma once

#include "roomannouncement.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtNetwork/QHostAddress>

// Lists the _tertulia._tcp services the Avahi daemon sees, resolved to an IPv4 address and a
// checked announcement. Avahi may send a browser's first items before the call creating it
// returns, so the signals are subscribed to first, for any browser, and kept until its path is
// known. Without a daemon it lists nothing and says so in started().
class AvahiBrowser final : public QObject
{
    Q_OBJECT

public:
    explicit AvahiBrowser(const QDBusConnection &bus, QObject *parent = nullptr);
    ~AvahiBrowser() override;

    void start();

signals:
    void started(bool browsing, const QString &why);
    void announced(const RoomAnnouncement &room, const QHostAddress &from);
    void withdrawn(const QString &id, const QHostAddress &from);

private slots:
    // QtDBus connects D-Bus signals by name only, so these stay slots.
    void onItem(const QDBusMessage &message); // ItemNew and ItemRemove

private:
    void createBrowser();
    void forgetAll(); // the daemon went away: so did everything it listed
    void resolve(const QList<QVariant> &item);
    static QString itemKey(const QList<QVariant> &item);

    QDBusConnection m_bus;
    QString m_browserPath;
    static constexpr int kMaxEarlyItems = 1024;
    QList<QDBusMessage> m_early; // items that came before m_browserPath was known
    struct Resolved
    {
        QString id;
        QHostAddress address;
    };
    QHash<QString, Resolved> m_resolved; // by interface, protocol and service name
};
