#pragma once

#include "errorcode.h"
#include "protocollimits.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>
#include <variant>

// What a client may send, decoded from one JSON text frame, and how clients encode it.
// The seeds' payload {"name", "message"} (no "type") decodes as a chat message.
namespace Tertulia {

struct ClientPayload
{
    enum class Type { Join, Message, History, Leave, Typing, FileOffer, FileCancel, Members };

    Type type = Type::Message;
    QString name; // normalised but not validated; empty when the payload names nobody
    QString message; // Message only, as sent
    QString clientId; // Message only, optional: the sender's own id for the message
    QString to; // Message only, optional: a direct message to this member alone (normalised)
    qint64 since = -1; // Join: the last message id the client saw; -1 when it saw none
    QString resume; // Join: the resume token the host gave this client earlier
    bool resumable = false; // Join: "resume" was present, even empty: keep my name if I drop
    QString password; // Join: the room's password, when it has one
    qint64 before = -1; // History: older than this id...
    qint64 after = -1; // ...or newer than this one
    int limit = 0; // History, Members: at most this many (the host caps it)
    qint64 from = -1; // Members: watch the list from this row (-1: a search by `prefix`)
    QString prefix; // Members: members whose name starts with this, ignoring case
    QString fileName; // FileOffer: the file's name, as shown to the room
    qint64 size = -1; // FileOffer: its bytes
    QString sha256; // FileOffer, optional: 64 hex digits; a mismatch refuses the file
    QString upload; // FileOffer: the upload to go on with (resume); FileCancel: the one to end
};

using DecodedClientPayload = std::variant<ClientPayload, ProtocolError>;

DecodedClientPayload decodeClientPayload(const QString &frame,
                                         int maxMessageLength = Limits::kMaxMessageLength);

// Why a chat message's text cannot be sent, or nothing when it can.
std::optional<ProtocolError> problemWithMessageText(const QString &text,
                                                    int maxLength = Limits::kMaxMessageLength);

QString encodeJoinRequest(const QString &name, qint64 since = -1, const QString &resume = {},
                          const QString &password = {});
QString encodeHistoryRequest(qint64 before, qint64 after, int limit);
QString encodeLeaveRequest();
QString encodeTypingNotice();
// to: a member's name for a direct message, or empty for the whole room.
// A file offer (clientId: the sender's id for the message that will carry it); upload: an
// upload of this member's to go on with, from the bytes the host has.
QString encodeFileOffer(const QString &fileName, qint64 size, const QString &clientId,
                        const QString &to = {}, const QString &upload = {},
                        const QString &sha256 = {});
QString encodeFileCancel(const QString &upload);
// Rows [from, from + count) of the room's member list, now and whenever they change; a count
// of 0 stops watching.
QString encodeMembersWatch(int from, int count);
// Once: the first `count` members whose name starts with `prefix`.
QString encodeMembersSearch(const QString &prefix, int count);
QString encodeChatRequest(const QString &name, const QString &message, const QString &clientId,
                          const QString &to = {});

// A binary frame of an upload: its id (16 bytes), the offset (8 bytes, big-endian), the bytes.
namespace FileChunk {
constexpr qsizetype kHeaderBytes = 24;
QByteArray encode(const QString &upload, qint64 offset, QByteArrayView bytes);
struct Decoded
{
    QString upload; // 32 lowercase hex digits
    qint64 offset = 0;
    QByteArrayView bytes; // into the frame
};
std::optional<Decoded> decode(const QByteArray &frame);
} // namespace FileChunk

} // namespace Tertulia
