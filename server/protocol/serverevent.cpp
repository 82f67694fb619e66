#include "serverevent.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace Tertulia {

namespace {

const QList<std::pair<ServerEvent::Type, QString>> &typeNames()
{
    static const QList<std::pair<ServerEvent::Type, QString>> names {
            {ServerEvent::Type::Welcome, u"welcome"_s},
            {ServerEvent::Type::Message, u"message"_s},
            {ServerEvent::Type::Ack, u"ack"_s},
            {ServerEvent::Type::Presence, u"presence"_s},
            {ServerEvent::Type::Error, u"error"_s},
    };
    return names;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonArray membersArray(const QList<MemberInfo> &members)
{
    QJsonArray array;
    for (const MemberInfo &member : members)
        array.append(QJsonObject {{u"name"_s, member.name}, {u"since"_s, timeText(member.since)}});
    return array;
}

QList<MemberInfo> readMembers(const QJsonValue &value)
{
    QList<MemberInfo> members;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject object = entry.toObject();
        members.append(
                {object.value(u"name"_s).toString(),
                 QDateTime::fromString(object.value(u"since"_s).toString(), Qt::ISODateWithMs)});
    }
    return members;
}

QStringList readStrings(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &entry : value.toArray())
        strings.append(entry.toString());
    return strings;
}

} // namespace

std::optional<ServerEvent> decodeServerEvent(const QString &frame)
{
    const QJsonObject object = QJsonDocument::fromJson(frame.toUtf8()).object();
    const QString typeName = object.value(u"type"_s).toString();
    const auto known = std::find_if(typeNames().cbegin(), typeNames().cend(),
                                    [&](const auto &entry) { return entry.second == typeName; });
    if (known == typeNames().cend())
        return std::nullopt;

    ServerEvent event;
    event.type = known->first;
    event.id = object.value(u"id"_s).toInteger();
    event.name = object.value(u"name"_s).toString();
    event.message = object.value(u"message"_s).toString();
    event.clientId = object.value(u"clientId"_s).toString();
    event.time = QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs);
    event.members = readMembers(object.value(u"members"_s));
    event.joined = readStrings(object.value(u"joined"_s));
    event.left = readStrings(object.value(u"left"_s));
    event.errorCode = object.value(u"code"_s).toString();
    event.reason = object.value(u"reason"_s).toString();
    return event;
}

namespace ServerEvents {

QString welcome(const QString &name, const QList<MemberInfo> &members, const QDateTime &time)
{
    return compact({{u"type"_s, u"welcome"_s},
                    {u"name"_s, name},
                    {u"members"_s, membersArray(members)},
                    {u"time"_s, timeText(time)}});
}

QString message(qint64 id, const QString &name, const QString &message, const QDateTime &time)
{
    return compact({{u"type"_s, u"message"_s},
                    {u"id"_s, id},
                    {u"name"_s, name},
                    {u"message"_s, message},
                    {u"time"_s, timeText(time)}});
}

QString ack(qint64 id, const QString &clientId, const QDateTime &time)
{
    QJsonObject object {{u"type"_s, u"ack"_s}, {u"id"_s, id}, {u"time"_s, timeText(time)}};
    if (!clientId.isEmpty())
        object.insert(u"clientId"_s, clientId);
    return compact(object);
}

QString presence(const QStringList &joined, const QStringList &left,
                 const QList<MemberInfo> &members, const QDateTime &time)
{
    return compact({{u"type"_s, u"presence"_s},
                    {u"joined"_s, QJsonArray::fromStringList(joined)},
                    {u"left"_s, QJsonArray::fromStringList(left)},
                    {u"members"_s, membersArray(members)},
                    {u"time"_s, timeText(time)}});
}

QString error(const ProtocolError &error)
{
    return compact({{u"type"_s, u"error"_s},
                    {u"code"_s, errorCodeName(error.code)},
                    {u"reason"_s, error.reason}});
}

} // namespace ServerEvents

} // namespace Tertulia
