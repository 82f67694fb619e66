#include "serverevent.h"

#include "jsonobjectwriter.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace Tertulia {

namespace {

QString timeText(const QDateTime &time)
{
    return QString::fromLatin1(isoTimeText(time));
}

QDateTime readTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject typed(QLatin1StringView type, QJsonObject object = {})
{
    object.insert(u"type"_s, type);
    return object;
}

QJsonObject fileObject(const FileInfo &file)
{
    QJsonObject object{{u"id"_s, file.id},
                       {u"name"_s, file.name},
                       {u"size"_s, file.size},
                       {u"type"_s, file.type},
                       {u"url"_s, file.path()}};
    if (file.isPicture()) {
        object.insert(u"width"_s, file.width);
        object.insert(u"height"_s, file.height);
        object.insert(u"thumb"_s, file.thumbnailPath());
    }
    return object;
}

FileInfo readFile(const QJsonObject &object)
{
    return {object.value(u"id"_s).toString(),    object.value(u"name"_s).toString(),
            object.value(u"size"_s).toInteger(), object.value(u"type"_s).toString(),
            object.value(u"width"_s).toInt(),    object.value(u"height"_s).toInt()};
}

QJsonObject messageObject(const ChatMessage &message)
{
    QJsonObject object{{u"id"_s, message.id},
                       {u"name"_s, message.name},
                       {u"message"_s, message.text},
                       {u"time"_s, timeText(message.time)}};
    if (!message.clientId.isEmpty())
        object.insert(u"clientId"_s, message.clientId);
    if (message.isDirect())
        object.insert(u"to"_s, message.to);
    if (message.file.isValid())
        object.insert(u"file"_s, fileObject(message.file));
    return object;
}

ChatMessage readMessage(const QJsonObject &object)
{
    return {object.value(u"id"_s).toInteger(),           object.value(u"name"_s).toString(),
            object.value(u"message"_s).toString(),       readTime(object.value(u"time"_s)),
            object.value(u"clientId"_s).toString(),      object.value(u"to"_s).toString(),
            readFile(object.value(u"file"_s).toObject())};
}

QJsonObject memberObject(const MemberInfo &member)
{
    QJsonObject object{{u"name"_s, member.name}, {u"since"_s, timeText(member.since)}};
    if (member.away)
        object.insert(u"away"_s, true);
    if (member.host)
        object.insert(u"host"_s, true);
    return object;
}

QJsonArray membersArray(const QList<MemberInfo> &members)
{
    QJsonArray array;
    for (const MemberInfo &member : members)
        array.append(memberObject(member));
    return array;
}

QList<MemberInfo> readMembers(const QJsonValue &value)
{
    QList<MemberInfo> members;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject object = entry.toObject();
        members.append({object.value(u"name"_s).toString(), readTime(object.value(u"since"_s)),
                        object.value(u"away"_s).toBool(), object.value(u"host"_s).toBool()});
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

RoomLimits readLimits(const QJsonObject &object)
{
    RoomLimits limits;
    limits.nameLength = object.value(u"name"_s).toInt(limits.nameLength);
    limits.messageLength = object.value(u"message"_s).toInt(limits.messageLength);
    limits.messageBytes = object.value(u"messageBytes"_s).toInteger(limits.messageBytes);
    limits.messagesPerSecond = object.value(u"rate"_s).toDouble(limits.messagesPerSecond);
    limits.messageBurst = object.value(u"burst"_s).toInt(limits.messageBurst);
    limits.historyPage = object.value(u"historyPage"_s).toInt(limits.historyPage);
    limits.fileBytes = object.value(u"fileBytes"_s).toInteger(0); // older hosts take none
    limits.memberPage = object.value(u"memberPage"_s).toInt(limits.memberPage);
    return limits;
}

// Each event's fields, read from its JSON object.
void read(const QJsonObject &object, Events::Welcome &event)
{
    event.name = object.value(u"name"_s).toString();
    event.resumeToken = object.value(u"resume"_s).toString();
    event.time = readTime(object.value(u"time"_s));
    event.membersComplete = object.contains(u"members"_s);
    event.members
            = readMembers(object.value(event.membersComplete ? u"members"_s : u"firstMembers"_s));
    event.memberCount = object.value(u"memberCount"_s).toInt(int(event.members.size()));
    event.limits = readLimits(object.value(u"limits"_s).toObject());
    event.fileKey = object.value(u"fileKey"_s).toString();
}

void read(const QJsonObject &object, Events::Message &event)
{
    event.message = readMessage(object);
}

void read(const QJsonObject &object, Events::Ack &event)
{
    event.id = object.value(u"id"_s).toInteger();
    event.clientId = object.value(u"clientId"_s).toString();
    event.time = readTime(object.value(u"time"_s));
    event.file = readFile(object.value(u"file"_s).toObject());
}

void read(const QJsonObject &object, Events::Presence &event)
{
    event.joined = readStrings(object.value(u"joined"_s));
    event.left = readStrings(object.value(u"left"_s));
    event.others = object.value(u"others"_s).toInt();
    if (object.contains(u"members"_s))
        event.members = readMembers(object.value(u"members"_s));
    event.count = object.value(u"count"_s).toInt(event.members ? int(event.members->size()) : -1);
    event.time = readTime(object.value(u"time"_s));
}

void read(const QJsonObject &object, Events::History &event)
{
    for (const QJsonValue &entry : object.value(u"messages"_s).toArray())
        event.messages.append(readMessage(entry.toObject()));
    event.hasMore = object.value(u"hasMore"_s).toBool();
    event.before = object.value(u"before"_s).toInteger(-1);
    event.after = object.value(u"after"_s).toInteger(-1);
}

void read(const QJsonObject &object, Events::Typing &event)
{
    event.name = object.value(u"name"_s).toString();
}

void read(const QJsonObject &object, Events::Members &event)
{
    event.total = object.value(u"total"_s).toInt();
    event.from = object.value(u"from"_s).toInt(-1);
    event.prefix = object.value(u"prefix"_s).toString();
    event.members = readMembers(object.value(u"members"_s));
}

void read(const QJsonObject &object, Events::Error &event)
{
    event.code = object.value(u"code"_s).toString();
    event.reason = object.value(u"reason"_s).toString();
    event.clientId = object.value(u"clientId"_s).toString();
}

void read(const QJsonObject &object, Events::RoomEnded &event)
{
    event.reason = object.value(u"reason"_s).toString();
}

void read(const QJsonObject &object, Events::FileAccepted &event)
{
    event.clientId = object.value(u"clientId"_s).toString();
    event.upload = object.value(u"upload"_s).toString();
    event.offset = object.value(u"offset"_s).toInteger();
    event.chunkBytes = object.value(u"chunkBytes"_s).toInteger();
    event.window = object.value(u"window"_s).toInt();
}

void read(const QJsonObject &object, Events::FileProgress &event)
{
    using Stage = Events::FileProgress::Stage;
    event.upload = object.value(u"upload"_s).toString();
    event.received = object.value(u"received"_s).toInteger();
    const QString stage = object.value(u"stage"_s).toString();
    event.stage = stage == u"waiting"      ? Stage::Waiting
                  : stage == u"processing" ? Stage::Processing
                                           : Stage::Receiving;
    event.ahead = std::max(0, object.value(u"ahead"_s).toInt());
}

void read(const QJsonObject &object, Events::Upload &event)
{
    event.upload = object.value(u"upload"_s).toString();
    event.name = object.value(u"name"_s).toString();
    event.fileName = object.value(u"file"_s).toString();
    event.size = object.value(u"size"_s).toInteger();
    event.received = object.value(u"received"_s).toInteger();
    event.to = object.value(u"to"_s).toString();
    event.ended = object.value(u"ended"_s).toBool();
}

// Tries each event type in the variant's order: adding a type to ServerEvent is enough.
template<std::size_t I = 0>
std::optional<ServerEvent> decodeAs(const QString &type, const QJsonObject &object)
{
    if constexpr (I < std::variant_size_v<ServerEvent>) {
        using Event = std::variant_alternative_t<I, ServerEvent>;
        if (type != Event::kType)
            return decodeAs<I + 1>(type, object);
        Event event;
        read(object, event);
        return ServerEvent(std::move(event));
    } else {
        return std::nullopt;
    }
}

} // namespace

QString FileInfo::path() const
{
    return u"/files/%1/%2"_s.arg(id, QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

QString FileInfo::thumbnailPath() const
{
    return u"/files/%1/thumb"_s.arg(id);
}

std::optional<ServerEvent> decodeServerEvent(const QByteArray &utf8)
{
    const QJsonObject object = QJsonDocument::fromJson(utf8).object();
    return decodeAs(object.value(u"type"_s).toString(), object);
}

namespace ServerEvents {

QByteArray limitsJson(const RoomLimits &limits)
{
    return QJsonDocument(QJsonObject{{u"name"_s, limits.nameLength},
                                     {u"message"_s, limits.messageLength},
                                     {u"messageBytes"_s, limits.messageBytes},
                                     {u"rate"_s, limits.messagesPerSecond},
                                     {u"burst"_s, limits.messageBurst},
                                     {u"historyPage"_s, limits.historyPage},
                                     {u"fileBytes"_s, limits.fileBytes},
                                     {u"memberPage"_s, limits.memberPage}})
            .toJson(QJsonDocument::Compact);
}

QByteArray welcome(const QString &name, const MemberSummary &members, const QDateTime &time,
                   const QString &resumeToken, const QByteArray &limitsJson, const QString &fileKey)
{
    QJsonObject fields{{u"name"_s, name},
                       {u"time"_s, timeText(time)},
                       {u"resume"_s, resumeToken},
                       {u"memberCount"_s, members.memberCount}};
    if (!fileKey.isEmpty())
        fields.insert(u"fileKey"_s, fileKey);
    QByteArray event = compact(typed(Events::Welcome::kType, fields));
    event.chop(1); // the closing brace
    // Appended piece by piece: Qt 6.4's QStringBuilder copies a QByteArray byte by byte.
    event.reserve(event.size() + limitsJson.size() + members.membersJson.size() + 32);
    event.append(",\"limits\":").append(limitsJson);
    event.append(members.complete ? ",\"members\":[" : ",\"firstMembers\":[");
    event.append(members.membersJson).append("]}");
    return event;
}

// A member, a message and its ack go out most often: written member by member (the keys in
// QJsonObject's order, so the bytes are the same as compact(memberObject(…)) and the rest).
QByteArray memberJson(const MemberInfo &member)
{
    JsonObjectWriter json(64);
    if (member.away)
        json.add("away"_L1, true);
    if (member.host)
        json.add("host"_L1, true);
    return json.add("name"_L1, member.name).addTime("since"_L1, member.since).take();
}

QByteArray message(const ChatMessage &message)
{
    JsonObjectWriter json(96 + 3 * (message.name.size() + message.text.size()));
    if (!message.clientId.isEmpty())
        json.add("clientId"_L1, message.clientId);
    if (message.file.isValid())
        json.addJson("file"_L1, compact(fileObject(message.file)));
    json.add("id"_L1, message.id)
            .add("message"_L1, message.text)
            .add("name"_L1, message.name)
            .addTime("time"_L1, message.time);
    if (message.isDirect())
        json.add("to"_L1, message.to);
    return json.add("type"_L1, Events::Message::kType).take();
}

QByteArray ack(qint64 id, const QString &clientId, const QDateTime &time, const FileInfo &file)
{
    JsonObjectWriter json(96);
    if (!clientId.isEmpty())
        json.add("clientId"_L1, clientId);
    if (file.isValid())
        json.addJson("file"_L1, compact(fileObject(file)));
    return json.add("id"_L1, id).addTime("time"_L1, time).add("type"_L1, Events::Ack::kType).take();
}

QByteArray presence(const Events::Presence &presence)
{
    QJsonObject object{{u"joined"_s, QJsonArray::fromStringList(presence.joined)},
                       {u"left"_s, QJsonArray::fromStringList(presence.left)},
                       {u"count"_s, presence.count},
                       {u"time"_s, timeText(presence.time)}};
    if (presence.others > 0)
        object.insert(u"others"_s, presence.others);
    if (presence.members)
        object.insert(u"members"_s, membersArray(*presence.members));
    return compact(typed(Events::Presence::kType, object));
}

// Rows of the member list: a watched range ("from") or a search's answer ("prefix").
static QByteArray membersEvent(int total, const QString &field, const QJsonValue &value,
                               const QList<MemberInfo> &members)
{
    return compact(
            typed(Events::Members::kType,
                  {{u"total"_s, total}, {field, value}, {u"members"_s, membersArray(members)}}));
}

QByteArray memberPage(int total, int from, const QList<MemberInfo> &members)
{
    return membersEvent(total, u"from"_s, from, members);
}

QByteArray memberSearch(int total, const QString &prefix, const QList<MemberInfo> &members)
{
    return membersEvent(total, u"prefix"_s, prefix, members);
}

QByteArray history(const QList<ChatMessage> &messages, bool hasMore, qint64 before, qint64 after)
{
    QJsonArray array;
    for (const ChatMessage &message : messages)
        array.append(messageObject(message));
    QJsonObject object{{u"messages"_s, array}, {u"hasMore"_s, hasMore}};
    if (before >= 0)
        object.insert(u"before"_s, before);
    if (after >= 0)
        object.insert(u"after"_s, after);
    return compact(typed(Events::History::kType, object));
}

QByteArray typing(const QString &name)
{
    return compact(typed(Events::Typing::kType, {{u"name"_s, name}}));
}

QByteArray error(const ProtocolError &error, const QString &clientId)
{
    QJsonObject object{{u"code"_s, errorCodeName(error.code)}, {u"reason"_s, error.reason}};
    if (!clientId.isEmpty())
        object.insert(u"clientId"_s, clientId);
    return compact(typed(Events::Error::kType, object));
}

QByteArray roomEnded(const QString &reason)
{
    return compact(typed(Events::RoomEnded::kType, {{u"reason"_s, reason}}));
}

QByteArray fileAccepted(const Events::FileAccepted &accepted)
{
    QJsonObject object{{u"upload"_s, accepted.upload},
                       {u"offset"_s, accepted.offset},
                       {u"chunkBytes"_s, accepted.chunkBytes},
                       {u"window"_s, accepted.window}};
    if (!accepted.clientId.isEmpty())
        object.insert(u"clientId"_s, accepted.clientId);
    return compact(typed(Events::FileAccepted::kType, object));
}

QByteArray fileProgress(const Events::FileProgress &progress)
{
    using Stage = Events::FileProgress::Stage;
    QJsonObject object{{u"upload"_s, progress.upload}, {u"received"_s, progress.received}};
    if (progress.stage == Stage::Waiting) {
        object.insert(u"stage"_s, u"waiting"_s);
        object.insert(u"ahead"_s, progress.ahead);
    } else if (progress.stage == Stage::Processing) {
        object.insert(u"stage"_s, u"processing"_s);
    }
    return compact(typed(Events::FileProgress::kType, object));
}

QByteArray upload(const Events::Upload &upload)
{
    QJsonObject object{{u"upload"_s, upload.upload},
                       {u"name"_s, upload.name},
                       {u"file"_s, upload.fileName},
                       {u"size"_s, upload.size},
                       {u"received"_s, upload.received}};
    if (!upload.to.isEmpty())
        object.insert(u"to"_s, upload.to);
    if (upload.ended)
        object.insert(u"ended"_s, true);
    return compact(typed(Events::Upload::kType, object));
}

} // namespace ServerEvents

namespace Schema {

namespace {
template<typename E>
MessageSpec eventSpec(QLatin1StringView name)
{
    MessageSpec spec{E::kType, name, {}};
    for (const FieldSpec &field : E::fields())
        spec.fields.append(field);
    return spec;
}
} // namespace

QList<MessageSpec> events()
{
#define TERTULIA_EVENT_SPEC(name) eventSpec<Events::name>(QLatin1StringView(#name)),
    return {TERTULIA_EVENTS(TERTULIA_EVENT_SPEC)};
#undef TERTULIA_EVENT_SPEC
}

} // namespace Schema

} // namespace Tertulia
