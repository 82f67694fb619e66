#include "beaconmessage.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString kindName(BeaconMessage::Kind kind)
{
    switch (kind) {
    case BeaconMessage::Kind::Room:
        return u"room"_s;
    case BeaconMessage::Kind::Goodbye:
        return u"goodbye"_s;
    case BeaconMessage::Kind::Query:
        break;
    }
    return u"query"_s;
}

QString translate(const char *text)
{
    return QCoreApplication::translate("BeaconMessage", text);
}

} // namespace

int BeaconMessage::intervalMs()
{
    static const int interval = [] {
        bool ok = false;
        const int asked = qEnvironmentVariableIntValue("TERTULIA_BEACON_INTERVAL_MS", &ok);
        return ok && asked >= 100 && asked <= 60'000 ? asked : kIntervalMs;
    }();
    return interval;
}

int BeaconMessage::expiryMs()
{
    return 3 * intervalMs() + intervalMs() / 2;
}

QByteArray BeaconMessage::encode() const
{
    QJsonObject object{{u"tertulia"_s, kFormat}, {u"kind"_s, kindName(kind)}};
    if (kind != Kind::Query)
        object.insert(u"id"_s, room.id);
    if (kind == Kind::Room) {
        object.insert(u"protocol"_s, room.protocol);
        object.insert(u"version"_s, room.version);
        object.insert(u"room"_s, room.room);
        object.insert(u"host"_s, room.host);
        object.insert(u"port"_s, room.port);
        object.insert(u"tls"_s, room.tls);
        object.insert(u"password"_s, room.password);
        object.insert(u"locked"_s, room.locked);
        object.insert(u"members"_s, room.members);
        if (!room.fingerprint.isEmpty())
            object.insert(u"fingerprint"_s, room.fingerprint);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<BeaconMessage> BeaconMessage::decode(const QByteArray &datagram, QString *why)
{
    const auto refuse = [why](const char *problem) -> std::optional<BeaconMessage> {
        if (why)
            *why = translate(problem);
        return std::nullopt;
    };
    if (datagram.size() > RoomAnnouncement::kMaxDatagramBytes)
        return refuse(QT_TRANSLATE_NOOP("BeaconMessage", "larger than a beacon may be"));
    const QJsonObject object = QJsonDocument::fromJson(datagram).object();
    if (object.value(u"tertulia"_s).toInt() != kFormat)
        return refuse(QT_TRANSLATE_NOOP("BeaconMessage", "not a Tertulia beacon"));
    BeaconMessage message;
    const QString kind = object.value(u"kind"_s).toString();
    if (kind == u"query"_s)
        return message;
    message.room.id = object.value(u"id"_s).toString();
    if (kind == u"goodbye"_s) {
        message.kind = Kind::Goodbye;
        if (message.room.id.isEmpty())
            return refuse(QT_TRANSLATE_NOOP("BeaconMessage", "a goodbye that names no room"));
        return message;
    }
    if (kind != u"room"_s)
        return refuse(QT_TRANSLATE_NOOP("BeaconMessage", "of a kind this version does not know"));
    message.kind = Kind::Room;
    RoomAnnouncement &room = message.room;
    // A wrong type reads as an out-of-range value (-1, empty), which isValid() refuses.
    const auto integer = [&object](const QString &key) {
        const QJsonValue value = object.value(key);
        return value.isDouble() && value.toDouble() == value.toInt() ? value.toInt() : -1;
    };
    room.protocol = integer(u"protocol"_s);
    room.version = object.value(u"version"_s).toString();
    room.room = object.value(u"room"_s).toString();
    room.host = object.value(u"host"_s).toString();
    const int port = integer(u"port"_s);
    room.port = port > 0 && port <= 65535 ? quint16(port) : 0;
    room.tls = object.value(u"tls"_s).toBool();
    room.password = object.value(u"password"_s).toBool();
    room.locked = object.value(u"locked"_s).toBool();
    room.members = integer(u"members"_s);
    room.fingerprint = object.value(u"fingerprint"_s).toString();
    if (!room.isValid(why))
        return std::nullopt;
    return message;
}
