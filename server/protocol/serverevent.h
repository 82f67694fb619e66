#pragma once

#include "errorcode.h"
#include "protocollimits.h"

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
    bool away = false; // connection lost, name held for its owner to come back

    bool operator==(const MemberInfo &other) const
    {
        return name == other.name && since == other.since && away == other.away;
    }
};

// A room message. Its id is the room's sequence number: ids only grow and order the history.
struct ChatMessage
{
    qint64 id = 0;
    QString name;
    QString text;
    QDateTime time; // UTC
    QString clientId; // the sender's id for it, if it gave one: lets the sender match it
    QString to; // a direct message: the one member it is for; empty for the whole room

    bool isDirect() const { return !to.isEmpty(); }
};

struct ServerEvent
{
    enum class Type { Welcome, Message, Ack, Presence, History, Typing, Error, RoomEnded };

    Type type = Type::Message;
    ChatMessage message; // Message
    QString name; // Welcome: your name; Typing: who is typing
    QString resumeToken; // Welcome: present it to reclaim your name after a reconnect
    qint64 id = 0; // Ack: the host's id for the acknowledged message
    QString clientId; // Ack, Error: the id the sender gave the message, if any
    QDateTime time; // UTC; Welcome, Ack, Presence
    QList<MemberInfo> members; // Welcome, and Presence in small rooms: everyone in the room now
    bool hasMembers = false; // the event listed everyone (else Presence lists only `changed`)
    QList<MemberInfo>
            changed; // Presence in large rooms: members who joined, went away or came back
    QStringList joined; // Presence: who came since the last presence event
    QStringList left; // Presence: who went since the last presence event
    QList<ChatMessage> messages; // History, oldest first
    bool hasMore = false; // History: more messages lie beyond this page
    qint64 before = -1; // History: answers a request for messages older than this id
    qint64 after = -1; // History: answers a request for messages newer than this id
    QString errorCode; // Error
    QString reason; // Error, RoomEnded: a sentence for people
    RoomLimits limits; // Welcome: what the host allows (defaults if it did not say)
};

std::optional<ServerEvent> decodeServerEvent(const QString &frame);

namespace ServerEvents {
// membersJson: everyone, as memberJson() entries joined by commas. The host keeps it up to
// date as people join, so a crowd joining at once is not serialised again for each newcomer.
// UTF-8, ready to frame: in a large room this is the biggest event, sent to every newcomer.
// limitsJson: limitsJson(), kept by the host (it never changes while it runs).
QByteArray welcome(const QString &name, const QByteArray &membersJson, const QDateTime &time,
                   const QString &resumeToken, const QByteArray &limitsJson);
QByteArray limitsJson(const RoomLimits &limits);
// One member as a JSON object, for a members array kept up to date as people join.
QByteArray memberJson(const MemberInfo &member);
QString message(const ChatMessage &message);
QString ack(qint64 id, const QString &clientId, const QDateTime &time);
// Joins and leaves are coalesced: one presence event covers every change in a short window.
QString presence(const QStringList &joined, const QStringList &left,
                 const QList<MemberInfo> &members, const QDateTime &time);
// Large rooms: only what changed (joined, went away, came back), not everyone again.
QString presenceChanges(const QStringList &joined, const QStringList &left,
                        const QList<MemberInfo> &changed, const QDateTime &time);
// before/after: -1 unless the page answers such a request.
QString history(const QList<ChatMessage> &messages, bool hasMore, qint64 before, qint64 after);
QString typing(const QString &name);
QString error(const ProtocolError &error, const QString &clientId = {});
// The host ended the room for everyone; the connection closes next (CloseCode::kRoomEnded).
QString roomEnded(const QString &reason);
} // namespace ServerEvents

} // namespace Tertulia
