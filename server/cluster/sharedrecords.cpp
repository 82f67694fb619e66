#include "sharedrecords.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace {

std::optional<QJsonObject> objectOf(const QByteArray &record)
{
    const QJsonDocument document = QJsonDocument::fromJson(record);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

namespace SharedRecords {

QByteArray message(const StoredMessage &message)
{
    QJsonObject object{{u"n"_s, message.name},
                       {u"t"_s, message.text},
                       {u"at"_s, message.time.toMSecsSinceEpoch()}};
    if (!message.clientId.isEmpty())
        object.insert(u"c"_s, message.clientId);
    if (!message.recipient.isEmpty()) {
        object.insert(u"to"_s, message.recipient);
        object.insert(u"fm"_s, message.senderMember);
        object.insert(u"tm"_s, message.recipientMember);
    }
    return compact(object);
}

std::optional<StoredMessage> message(qint64 id, const QByteArray &record)
{
    const std::optional<QJsonObject> object = objectOf(record);
    if (!object || !(*object)[u"n"_s].isString() || !(*object)[u"t"_s].isString())
        return std::nullopt;
    StoredMessage message;
    message.id = id;
    message.name = (*object)[u"n"_s].toString();
    message.text = (*object)[u"t"_s].toString();
    message.time = QDateTime::fromMSecsSinceEpoch(qint64((*object)[u"at"_s].toDouble()), Qt::UTC);
    message.clientId = (*object)[u"c"_s].toString();
    message.recipient = (*object)[u"to"_s].toString();
    message.senderMember = (*object)[u"fm"_s].toString();
    message.recipientMember = (*object)[u"tm"_s].toString();
    return message;
}

QByteArray member(const SharedMember &member, const QString &resumeToken)
{
    QJsonObject object{{u"n"_s, member.name},
                       {u"node"_s, member.node},
                       {u"since"_s, member.since.toMSecsSinceEpoch()},
                       {u"host"_s, member.host},
                       {u"away"_s, member.away},
                       {u"gen"_s, member.generation}};
    if (!member.memberId.isEmpty())
        object.insert(u"m"_s, member.memberId);
    if (!resumeToken.isEmpty())
        object.insert(u"token"_s, resumeToken);
    return compact(object);
}

std::optional<SharedMember> member(const QByteArray &record)
{
    const std::optional<QJsonObject> object = objectOf(record);
    if (!object || !(*object)[u"n"_s].isString() || !(*object)[u"node"_s].isString())
        return std::nullopt;
    return SharedMember{
            (*object)[u"n"_s].toString(),
            (*object)[u"node"_s].toString(),
            QDateTime::fromMSecsSinceEpoch(qint64((*object)[u"since"_s].toDouble()), Qt::UTC),
            (*object)[u"host"_s].toBool(),
            (*object)[u"away"_s].toBool(),
            qint64((*object)[u"gen"_s].toDouble()),
            (*object)[u"m"_s].toString()};
}

QByteArray naming(const QString &name, const QString &node)
{
    return compact({{u"n"_s, name}, {u"node"_s, node}});
}

std::optional<std::pair<QString, QString>> naming(const QByteArray &record)
{
    const std::optional<QJsonObject> object = objectOf(record);
    if (!object || !(*object)[u"n"_s].isString())
        return std::nullopt;
    return std::pair{(*object)[u"n"_s].toString(), (*object)[u"node"_s].toString()};
}

} // namespace SharedRecords
