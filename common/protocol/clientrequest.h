#pragma once

#include "errorcode.h"
#include "protocollimits.h"
#include "schema.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <array>
#include <optional>
#include <variant>

// What a client may send: one struct per request, each declaring its wire type and fields once
// (kType, fields()) beside the members they fill. decodeClientRequest reads any of them from
// one JSON text frame by those declarations and then checks what the declarations cannot say
// (a name's spelling, a file name's characters, which fields go together); encodeRequest
// writes one.
// The seeds' payload {"name", "message"} (no "type") decodes as a Message.
namespace Tertulia {

// One field of request R: its wire name and the member it fills.
template<typename R>
struct Field
{
    QLatin1StringView name;
    std::variant<QString R::*, qint64 R::*> member;
    Schema::Use use = Schema::Use::Optional;
    int maxLength = 0; // strings, as sent

    constexpr Schema::Kind kind() const
    {
        return member.index() == 0 ? Schema::Kind::String : Schema::Kind::Integer;
    }
};

namespace Requests {

using Schema::Use;
constexpr int kMaxClientIdLength = 64;
constexpr int kMaxFileNameLength = 255;

// Say who you are (and come back as who you were).
struct Join
{
    static constexpr QLatin1StringView kType{"join"};
    QString name; // normalised, not yet judged: the room does that
    QString resume; // the token the host gave this client earlier
    QString password; // the room's, when it has one
    qint64 since = -1; // the last message id the client saw; -1 when it saw none
    bool resumable = false; // "resume" was present, even empty: keep my name if I drop

    static constexpr auto fields()
    {
        return std::array{Field<Join>{QLatin1StringView("name"), &Join::name},
                          Field<Join>{QLatin1StringView("resume"), &Join::resume, Use::AlwaysSent},
                          Field<Join>{QLatin1StringView("password"), &Join::password},
                          Field<Join>{QLatin1StringView("since"), &Join::since}};
    }
};

// A chat message, to the room or to one member.
struct Message
{
    static constexpr QLatin1StringView kType{"message"};
    QString name; // normalised; empty when the payload names nobody
    QString message; // as sent
    QString clientId; // the sender's own id for it
    QString to; // a direct message to this member alone (normalised)

    static constexpr auto fields()
    {
        return std::array{
                Field<Message>{QLatin1StringView("name"), &Message::name},
                Field<Message>{QLatin1StringView("message"), &Message::message, Use::Required},
                Field<Message>{QLatin1StringView("clientId"), &Message::clientId, Use::Optional,
                               kMaxClientIdLength},
                Field<Message>{QLatin1StringView("to"), &Message::to}};
    }
};

// A page of history: older than `before` or newer than `after`.
struct History
{
    static constexpr QLatin1StringView kType{"history"};
    qint64 before = -1;
    qint64 after = -1;
    qint64 limit = 0; // at most this many (the host caps it); 0: the host's backlog

    static constexpr auto fields()
    {
        return std::array{Field<History>{QLatin1StringView("before"), &History::before},
                          Field<History>{QLatin1StringView("after"), &History::after},
                          Field<History>{QLatin1StringView("limit"), &History::limit}};
    }
};

struct Leave
{
    static constexpr QLatin1StringView kType{"leave"};
    static constexpr auto fields() { return std::array<Field<Leave>, 0>{}; }
};

struct Typing
{
    static constexpr QLatin1StringView kType{"typing"};
    static constexpr auto fields() { return std::array<Field<Typing>, 0>{}; }
};

// A file to send (or to go on sending, from the bytes the host has).
struct FileOffer
{
    static constexpr QLatin1StringView kType{"file_offer"};
    QString fileName; // as shown to the room: its last path part, without control characters
    qint64 size = -1; // bytes
    QString clientId; // the sender's id for the message that will carry it
    QString to; // a direct message's file
    QString upload; // the upload to go on with
    QString sha256; // 64 hex digits; a mismatch refuses the file

    static constexpr auto fields()
    {
        return std::array{
                Field<FileOffer>{QLatin1StringView("file"), &FileOffer::fileName, Use::Required},
                Field<FileOffer>{QLatin1StringView("size"), &FileOffer::size, Use::Required},
                Field<FileOffer>{QLatin1StringView("clientId"), &FileOffer::clientId, Use::Optional,
                                 kMaxClientIdLength},
                Field<FileOffer>{QLatin1StringView("to"), &FileOffer::to},
                Field<FileOffer>{QLatin1StringView("upload"), &FileOffer::upload},
                Field<FileOffer>{QLatin1StringView("sha256"), &FileOffer::sha256}};
    }
};

struct FileCancel
{
    static constexpr QLatin1StringView kType{"file_cancel"};
    QString upload; // the upload to give up

    static constexpr auto fields()
    {
        return std::array{
                Field<FileCancel>{QLatin1StringView("upload"), &FileCancel::upload, Use::Required}};
    }
};

// Rows [from, from + count) of the member list, now and whenever they change (count 0 stops
// watching); or once, the first `count` members whose name starts with `prefix`.
struct Members
{
    static constexpr QLatin1StringView kType{"members"};
    qint64 from = -1; // -1: a search by prefix
    QString prefix;
    qint64 count = -1; // as asked; -1: absent
    int limit = Limits::kMemberPage; // what the host will send: count, capped

    static constexpr auto fields()
    {
        return std::array{Field<Members>{QLatin1StringView("from"), &Members::from},
                          Field<Members>{QLatin1StringView("prefix"), &Members::prefix,
                                         Use::Optional, Limits::kMaxNameLength * 2},
                          Field<Members>{QLatin1StringView("count"), &Members::count}};
    }
};

} // namespace Requests

// Every request, once: ClientRequest and Schema::requests() are both made from this list.
#define TERTULIA_REQUESTS(X) \
    X(Join) X(Message) X(History) X(Leave) X(Typing) X(FileOffer) X(FileCancel) X(Members)
#define TERTULIA_REQUEST_TYPE(name) , Requests::name
using ClientRequest = Schema::VariantOf<void TERTULIA_REQUESTS(TERTULIA_REQUEST_TYPE)>;
#undef TERTULIA_REQUEST_TYPE
using DecodedClientRequest = std::variant<ClientRequest, ProtocolError>;

DecodedClientRequest decodeClientRequest(const QString &frame,
                                         int maxMessageLength = Limits::kMaxMessageLength);

// Compact JSON, fields in their declared order; empty strings and negative numbers left out
// unless the field is required or always sent.
template<typename R>
QString encodeRequest(const R &request);

// Why a chat message's text cannot be sent, or nothing when it can.
std::optional<ProtocolError> problemWithMessageText(const QString &text,
                                                    int maxLength = Limits::kMaxMessageLength);

// Shorthands the native client uses.
QString encodeJoinRequest(const QString &name, qint64 since = -1, const QString &resume = {},
                          const QString &password = {});
QString encodeHistoryRequest(qint64 before, qint64 after, int limit);
QString encodeLeaveRequest();
QString encodeTypingNotice();
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
// to: a member's name for a direct message, or empty for the whole room.
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
