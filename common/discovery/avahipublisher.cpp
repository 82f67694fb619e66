#include "avahipublisher.h"

#include "avahi.h"
#include "discoverylog.h"

#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusMetaType>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>
#include <QtDBus/QDBusServiceWatcher>

using namespace Qt::StringLiterals;

namespace {

QDBusMessage serverCall(const QString &method)
{
    return QDBusMessage::createMethodCall(Avahi::kService, u"/"_s, Avahi::kServer, method);
}

// DNS-SD instance names are at most 63 bytes of UTF-8: cut on a character boundary.
QString instanceName(const QString &room)
{
    QString name = room;
    while (name.toUtf8().size() > 63)
        name.chop(name.size() >= 2 && name.at(name.size() - 1).isLowSurrogate() ? 2 : 1);
    return name;
}

} // namespace

AvahiPublisher::AvahiPublisher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent),
      m_bus(bus),
      m_watcher(new QDBusServiceWatcher(Avahi::kService, bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this))
{
    qDBusRegisterMetaType<QList<QByteArray>>();
    // A restarted daemon has forgotten us: announce again to the new one.
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                forget();
                if (m_wanted && !newOwner.isEmpty())
                    createGroup();
            });
}

void AvahiPublisher::publish(const RoomAnnouncement &room)
{
    m_room = room;
    if (!m_wanted) {
        m_wanted = true;
        m_name = instanceName(room.room);
        createGroup();
        return;
    }
    // What Avahi holds, not what was last asked for: a change made while the group was being
    // committed is sent on the next call.
    if (!m_committed || m_room.toTxt() == m_publishedTxt)
        return;
    m_publishedTxt = m_room.toTxt();
    QDBusMessage update = QDBusMessage::createMethodCall(Avahi::kService, m_groupPath,
                                                         Avahi::kEntryGroup, u"UpdateServiceTxt"_s);
    QList<QVariant> arguments = serviceArguments(Avahi::kTertuliaType);
    arguments.removeAt(6); // UpdateServiceTxt takes neither host nor port
    arguments.removeAt(6);
    update.setArguments(arguments);
    m_bus.asyncCall(update);
}

void AvahiPublisher::withdraw()
{
    m_wanted = false;
    if (!m_groupPath.isEmpty())
        m_bus.asyncCall(QDBusMessage::createMethodCall(Avahi::kService, m_groupPath,
                                                       Avahi::kEntryGroup, u"Free"_s));
    forget();
}

void AvahiPublisher::forget()
{
    if (!m_groupPath.isEmpty())
        m_bus.disconnect(Avahi::kService, m_groupPath, Avahi::kEntryGroup, u"StateChanged"_s, this,
                         SLOT(onStateChanged(int, QString)));
    m_groupPath.clear();
    m_creating = false;
    m_committed = false;
}

void AvahiPublisher::createGroup()
{
    if (m_creating || !m_groupPath.isEmpty())
        return;
    if (!m_bus.isConnected()) {
        qCDebug(lcDiscovery) << "No system bus: the room is announced by beacon only";
        return;
    }
    m_creating = true;
    auto *watcher
            = new QDBusPendingCallWatcher(m_bus.asyncCall(serverCall(u"EntryGroupNew"_s)), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        m_creating = false;
        if (reply.isError()) {
            qCDebug(lcDiscovery) << "Avahi is not announcing the room:" << reply.error().message();
            return;
        }
        if (!m_wanted) {
            m_bus.asyncCall(QDBusMessage::createMethodCall(Avahi::kService, reply.value().path(),
                                                           Avahi::kEntryGroup, u"Free"_s));
            return;
        }
        m_groupPath = reply.value().path();
        m_bus.connect(Avahi::kService, m_groupPath, Avahi::kEntryGroup, u"StateChanged"_s, this,
                      SLOT(onStateChanged(int, QString)));
        addServices();
    });
}

QList<QVariant> AvahiPublisher::serviceArguments(const QString &type) const
{
    QList<QByteArray> txt = m_room.toTxt();
    if (type != Avahi::kTertuliaType)
        txt = {"path=/"};
    return {Avahi::kAnyInterface,
            Avahi::kAnyProtocol,
            0u,
            m_name,
            type,
            QString(),
            QString(),
            QVariant::fromValue(m_room.port),
            QVariant::fromValue(txt)};
}

void AvahiPublisher::addServices()
{
    m_publishedTxt = m_room.toTxt();
    const QString webType = m_room.tls ? Avahi::kHttpsType : Avahi::kHttpType;
    for (const QString &type : {Avahi::kTertuliaType, webType}) {
        QDBusMessage add = QDBusMessage::createMethodCall(Avahi::kService, m_groupPath,
                                                          Avahi::kEntryGroup, u"AddService"_s);
        add.setArguments(serviceArguments(type));
        m_bus.asyncCall(add);
    }
    // Calls on one connection arrive in order: Commit sees both services.
    auto *watcher = new QDBusPendingCallWatcher(
            m_bus.asyncCall(QDBusMessage::createMethodCall(Avahi::kService, m_groupPath,
                                                           Avahi::kEntryGroup, u"Commit"_s)),
            this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->isError())
            qCInfo(lcDiscovery) << "Avahi refused the room's announcement:"
                                << watcher->error().message();
        else
            m_committed = true;
    });
}

void AvahiPublisher::onStateChanged(int state, const QString &error)
{
    if (state == Avahi::kGroupCollision) {
        // Another service on the LAN has the name: Avahi suggests "Ana's room #2".
        const QDBusMessage reply = m_bus.call(serverCall(u"GetAlternativeServiceName"_s) << m_name,
                                              QDBus::Block, 2000);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            m_name = reply.arguments().constFirst().toString();
        m_committed = false;
        m_bus.asyncCall(QDBusMessage::createMethodCall(Avahi::kService, m_groupPath,
                                                       Avahi::kEntryGroup, u"Reset"_s));
        addServices();
    } else if (state == Avahi::kGroupFailure) {
        qCInfo(lcDiscovery) << "Avahi could not announce the room:" << error;
    } else if (state == Avahi::kGroupEstablished) {
        qCDebug(lcDiscovery).noquote() << "Avahi announces the room as" << m_name;
    }
}
