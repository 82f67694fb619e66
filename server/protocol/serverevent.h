#pragma once

#include "errorcode.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

// What the host sends: every event is a JSON object with a "type". The host encodes each event
// once and sends the same bytes to every recipient; clients decode them into ServerEvent.
namespace Tertulia {

struct MemberInfo
{
    QString name;
    QDateTime since; // UTC

    bool operator==(const MemberInfo &other) const
    {
        return name == other.name && since == other.since;
    }
};

struct ServerEvent
{
    enum class Type { Welcome, Message, Ack, Presence, Error };

    Type type = Type::Message;
    qint64 id = 0; // Message, Ack: the host's id for the message
    QString name; // Welcome: your name; Message: the sender
    QString message; // Message
    QString clientId; // Ack: the id the sender gave the message, if any
    QDateTime time; // UTC; every type but Error
    QList<MemberInfo> members; // Welcome, Presence: everyone in the room now
    QStringList joined; // Presence: who came since the last presence event
    QStringList left; // Presence: who went since the last presence event
    QString errorCode; // Error
    QString reason; // Error: a sentence for people
};

std::optional<ServerEvent> decodeServerEvent(const QString &frame);

namespace ServerEvents {
QString welcome(const QString &name, const QList<MemberInfo> &members, const QDateTime &time);
QString message(qint64 id, const QString &name, const QString &message, const QDateTime &time);
QString ack(qint64 id, const QString &clientId, const QDateTime &time);
// Joins and leaves are coalesced: one presence event covers every change in a short window.
QString presence(const QStringList &joined, const QStringList &left,
                 const QList<MemberInfo> &members, const QDateTime &time);
QString error(const ProtocolError &error);
} // namespace ServerEvents

} // namespace Tertulia
