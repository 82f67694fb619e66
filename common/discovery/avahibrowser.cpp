#include "avahibrowser.h"

#include "avahi.h"
#include "discoverylog.h"

#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusMetaType>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>
#include <QtDBus/QDBusServiceWatcher>

using namespace Qt::StringLiterals;

namespace {

// ResolveService's reply: interface, protocol, name, type, domain, host, aprotocol, address,
// port, txt, flags.
constexpr int kResolvedAddress = 7;
constexpr int kResolvedPort = 8;
constexpr int kResolvedTxt = 9;

} // namespace

AvahiBrowser::AvahiBrowser(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    qDBusRegisterMetaType<QList<QByteArray>>();
}

AvahiBrowser::~AvahiBrowser()
{
    if (!m_browserPath.isEmpty())
        m_bus.asyncCall(QDBusMessage::createMethodCall(Avahi::kService, m_browserPath,
                                                       Avahi::kServiceBrowser, u"Free"_s));
}

void AvahiBrowser::start()
{
    if (!m_bus.isConnected()) {
        emit started(false, tr("no system bus"));
        return;
    }
    for (const QString &item : {u"ItemNew"_s, u"ItemRemove"_s})
        m_bus.connect(Avahi::kService, QString(), Avahi::kServiceBrowser, item, this,
                      SLOT(onItem(QDBusMessage)));
    // A restarted daemon knows nothing of our browser: what it listed is gone, and a new
    // browser lists it again.
    auto *watcher = new QDBusServiceWatcher(Avahi::kService, m_bus,
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                forgetAll();
                if (newOwner.isEmpty())
                    emit started(false, tr("Avahi stopped"));
                else
                    createBrowser();
            });
    createBrowser();
}

void AvahiBrowser::forgetAll()
{
    m_browserPath.clear();
    m_early.clear();
    QSet<QString> gone;
    for (const Resolved &resolved : std::as_const(m_resolved)) {
        if (!gone.contains(resolved.id)) {
            gone.insert(resolved.id);
            emit withdrawn(resolved.id, resolved.address);
        }
    }
    m_resolved.clear();
}

void AvahiBrowser::createBrowser()
{
    QDBusMessage create = QDBusMessage::createMethodCall(Avahi::kService, u"/"_s, Avahi::kServer,
                                                         u"ServiceBrowserNew"_s);
    create << Avahi::kAnyInterface << Avahi::kAnyProtocol << Avahi::kTertuliaType << QString()
           << 0u;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(create), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            m_early.clear();
            emit started(false, reply.error().message());
            return;
        }
        m_browserPath = reply.value().path();
        emit started(true, QString());
        const QList<QDBusMessage> early = std::exchange(m_early, {});
        for (const QDBusMessage &message : early)
            onItem(message);
    });
}

void AvahiBrowser::onItem(const QDBusMessage &message)
{
    if (m_browserPath.isEmpty()) {
        if (m_early.size() < kMaxEarlyItems)
            m_early.append(message);
        return;
    }
    if (message.path() != m_browserPath || message.arguments().size() < 5)
        return; // another program's browser
    if (message.member() == u"ItemNew"_s) {
        resolve(message.arguments());
        return;
    }
    const Resolved gone = m_resolved.take(itemKey(message.arguments()));
    if (gone.id.isEmpty())
        return;
    // The same room may be seen on several interfaces: gone when the last one goes.
    for (const Resolved &other : std::as_const(m_resolved)) {
        if (other.id == gone.id)
            return;
    }
    emit withdrawn(gone.id, gone.address);
}

QString AvahiBrowser::itemKey(const QList<QVariant> &item)
{
    return u"%1/%2/%3"_s.arg(item.at(0).toInt()).arg(item.at(1).toInt()).arg(item.at(2).toString());
}

void AvahiBrowser::resolve(const QList<QVariant> &item)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Avahi::kService, u"/"_s, Avahi::kServer,
                                                       u"ResolveService"_s);
    call.setArguments(
            {item.at(0), item.at(1), item.at(2), item.at(3), item.at(4), Avahi::kIPv4, 0u});
    const QString key = itemKey(item);
    const QString serviceName = item.at(2).toString();
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [=] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() <= kResolvedTxt)
            return; // gone again, or no IPv4 address
        const QList<QVariant> values = reply.arguments();
        const QHostAddress address(values.at(kResolvedAddress).toString());
        const quint16 port = quint16(values.at(kResolvedPort).toUInt());
        QList<QByteArray> txt;
        values.at(kResolvedTxt).value<QDBusArgument>() >> txt;
        QString why;
        const std::optional<RoomAnnouncement> room = RoomAnnouncement::fromTxt(txt, port, &why);
        if (!room || address.isNull()) {
            qCDebug(lcDiscovery) << "ignored the service" << serviceName << ":" << why;
            return;
        }
        m_resolved.insert(key, {room->id, address});
        emit announced(*room, address);
    });
}
