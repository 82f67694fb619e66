#pragma once

#include "errorcode.h"
#include "protocollimits.h"
#include "schema.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <array>
#include <optional>
#include <variant>

// What the host sends: every event is a JSON object with a "type". The host encodes each event
// once and sends the same bytes to every recipient; clients decode them into ServerEvent.
namespace Tertulia {

struct MemberInfo
{
    QString name;
    QDateTime since; // UTC
    bool away = false; // connection lost, name held for its owner to come back
    bool host = false; // the person hosting the room (joined with the host's own key)

    bool operator==(const MemberInfo &other) const
    {
        return name == other.name && since == other.since && away == other.away
               && host == other.host;
    }
};

// A file a message carries (docs/PROTOCOL.md, "Files"). Pictures are served as the host
// re-encoded them (no metadata) and shown inline; everything else only ever as a download.
struct FileInfo
{
    QString id; // unguessable; empty: the message carries no file
    QString name; // as its sender named it; shown as text, never interpreted
    qint64 size = 0; // bytes, as served
    QString type; // image/png, image/jpeg, image/gif, image/webp or application/octet-stream
    int width = 0; // pictures only
    int height = 0;

    bool isValid() const { return !id.isEmpty(); }
    bool isPicture() const { return type.startsWith(QLatin1StringView("image/")); }
    // Paths on the host; a member adds "?key=" and its file key (Welcome::fileKey).
    QString path() const;
    QString thumbnailPath() const; // pictures only
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
    FileInfo file; // a file it carries, if any; `text` is then the file's name

    bool isDirect() const { return !to.isEmpty(); }
    // The conversation it belongs to, as `reader` sees it: the other party of a direct
    // message; empty for the room's.
    QString partnerFor(const QString &reader) const
    {
        return !isDirect() ? QString() : name == reader ? to : name;
    }
};

// One struct per event the host sends; kType is its wire name and fields() its fields, written
// here and nowhere else (the encoders below, the decoder, /protocol.js and the schema test read
// them).
namespace Events {

namespace Shape {
using Schema::Kind;
constexpr Schema::FieldSpec required(const char *name, Kind kind)
{
    return {QLatin1StringView(name), kind, Schema::Use::Required};
}
constexpr Schema::FieldSpec optional(const char *name, Kind kind)
{
    return {QLatin1StringView(name), kind, Schema::Use::Optional};
}
} // namespace Shape

struct Welcome
{
    static constexpr QLatin1StringView kType{"welcome"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{
                required("name", Kind::String),        required("time", Kind::String),
                required("resume", Kind::String),      required("memberCount", Kind::Integer),
                required("limits", Kind::Object),      optional("members", Kind::Array),
                optional("firstMembers", Kind::Array), optional("fileKey", Kind::String)};
    }
    QString name; // yours, as the room spells it
    QString resumeToken; // present it to reclaim your name after a reconnect
    QDateTime time; // UTC
    // Everyone in the room now (membersComplete); in a large room only the first page of the
    // list ordered by name, the rest on request (Members).
    QList<MemberInfo> members;
    bool membersComplete = true;
    int memberCount = 0; // everyone, present and away
    RoomLimits limits; // what the host allows (defaults where it did not say)
    QString fileKey; // yours alone: added to file paths as ?key=, void once you leave
};

struct Message
{
    static constexpr QLatin1StringView kType{"message"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("id", Kind::Integer),      required("name", Kind::String),
                          required("message", Kind::String),  required("time", Kind::String),
                          optional("clientId", Kind::String), optional("to", Kind::String),
                          optional("file", Kind::Object)};
    }
    ChatMessage message;
};

struct Ack
{
    static constexpr QLatin1StringView kType{"ack"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("id", Kind::Integer), required("time", Kind::String),
                          optional("clientId", Kind::String), optional("file", Kind::Object)};
    }
    qint64 id = 0; // the host's id for the acknowledged message
    QString clientId; // the id the sender gave it, if any
    QDateTime time; // UTC
    FileInfo file; // a file's message: the file as the room now has it
};

struct Presence
{
    static constexpr QLatin1StringView kType{"presence"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("joined", Kind::Array),   required("left", Kind::Array),
                          required("count", Kind::Integer),  required("time", Kind::String),
                          optional("others", Kind::Integer), optional("members", Kind::Array)};
    }
    QStringList joined; // who came since the last presence event
    QStringList left; // who went since the last presence event
    int others = 0; // large rooms: changes beyond the names listed
    int count = -1; // members now, present and away (-1: a host that does not say)
    // Small rooms: everyone in the room now. Large ones: nothing (watch rows with Members).
    std::optional<QList<MemberInfo>> members;
    QDateTime time; // UTC
};

struct History
{
    static constexpr QLatin1StringView kType{"history"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("messages", Kind::Array), required("hasMore", Kind::Boolean),
                          optional("before", Kind::Integer), optional("after", Kind::Integer)};
    }
    QList<ChatMessage> messages; // oldest first
    bool hasMore = false; // more messages lie beyond this page
    qint64 before = -1; // answers a request for messages older than this id
    qint64 after = -1; // answers a request for messages newer than this id
};

struct Typing
{
    static constexpr QLatin1StringView kType{"typing"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("name", Kind::String)};
    }
    QString name; // who is typing
};

// A file offer accepted: send its bytes from `offset` on, in binary frames (FileChunk).
struct FileAccepted
{
    static constexpr QLatin1StringView kType{"file_accepted"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("upload", Kind::String), required("offset", Kind::Integer),
                          required("chunkBytes", Kind::Integer), required("window", Kind::Integer),
                          optional("clientId", Kind::String)};
    }
    QString clientId; // the offer's
    QString upload; // the upload's id, 32 hex digits
    qint64 offset = 0; // bytes the host already has: 0, or where a resumed upload goes on
    qint64 chunkBytes = 0; // at most this many bytes of file in one frame
    int window = 0; // at most this many frames not yet acknowledged
};

// Bytes of an upload the host has stored, acknowledging each chunk; once all are in, where a
// picture stands: waiting for the host's decoder (`ahead` pictures before it), or processing.
struct FileProgress
{
    static constexpr QLatin1StringView kType{"file_progress"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("upload", Kind::String), required("received", Kind::Integer),
                          optional("stage", Kind::String), optional("ahead", Kind::Integer)};
    }
    enum class Stage { Receiving, Waiting, Processing };
    QString upload;
    qint64 received = 0;
    Stage stage = Stage::Receiving;
    int ahead = 0; // while waiting
};

// Someone's upload, as the others see it while it goes: started, progressing, ended.
struct Upload
{
    static constexpr QLatin1StringView kType{"upload"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("upload", Kind::String),    required("name", Kind::String),
                          required("file", Kind::String),      required("size", Kind::Integer),
                          required("received", Kind::Integer), optional("to", Kind::String),
                          optional("ended", Kind::Boolean)};
    }
    QString upload;
    QString name; // who sends it
    QString fileName;
    qint64 size = 0;
    qint64 received = 0;
    QString to; // a direct message's file: only its two parties see it
    bool ended = false; // finished (its message follows) or given up
};

// Rows of the room's member list (ordered by name, ignoring case): a watched range from `from`,
// or the answer to a search for `prefix`.
struct Members
{
    static constexpr QLatin1StringView kType{"members"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("total", Kind::Integer), required("members", Kind::Array),
                          optional("from", Kind::Integer), optional("prefix", Kind::String)};
    }
    int total = 0; // everyone in the room, present and away
    int from = -1; // a range: its first row
    QString prefix; // a search: what was asked for
    QList<MemberInfo> members;
};

struct Error
{
    static constexpr QLatin1StringView kType{"error"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("code", Kind::String), required("reason", Kind::String),
                          optional("clientId", Kind::String)};
    }
    QString code; // errorTable()'s name; a code this client does not know is still shown
    QString reason; // a sentence for people
    QString clientId; // the message it is about, if any
};

struct RoomEnded
{
    static constexpr QLatin1StringView kType{"room_ended"};
    static constexpr auto fields()
    {
        using namespace Shape;
        return std::array{required("reason", Kind::String)};
    }
    QString reason; // the host's sentence
};

} // namespace Events

// Every event, once: ServerEvent and Schema::events() are both made from this list.
// clang-format off
#define TERTULIA_EVENTS(X) \
    X(Welcome) X(Message) X(Ack) X(Presence) X(History) X(Typing) X(Error) X(RoomEnded) \
    X(FileAccepted) X(FileProgress) X(Upload) X(Members)
// clang-format on
#define TERTULIA_EVENT_TYPE(name) , Events::name
using ServerEvent = Schema::VariantOf<void TERTULIA_EVENTS(TERTULIA_EVENT_TYPE)>;
#undef TERTULIA_EVENT_TYPE

// Nothing for what is not JSON or has a type this client does not know (a newer host's).
std::optional<ServerEvent> decodeServerEvent(const QByteArray &utf8);

// Encoders, UTF-8 ready to frame: the host encodes each event once and sends the same bytes to
// every recipient.
namespace ServerEvents {
// membersJson: memberJson() entries joined by commas — everyone (complete) or, in a large
// room, the first page of the list; memberCount: everyone. The host keeps it between joins.
// limitsJson: limitsJson(), kept by the host (it never changes while it runs).
struct MemberSummary
{
    QByteArray membersJson;
    bool complete = true;
    int memberCount = 0;
};
QByteArray welcome(const QString &name, const MemberSummary &members, const QDateTime &time,
                   const QString &resumeToken, const QByteArray &limitsJson,
                   const QString &fileKey = {});
QByteArray limitsJson(const RoomLimits &limits);
// One member as a JSON object, for a members array kept up to date as people join.
QByteArray memberJson(const MemberInfo &member);
QByteArray message(const ChatMessage &message);
QByteArray ack(qint64 id, const QString &clientId, const QDateTime &time,
               const FileInfo &file = {});
// Joins and leaves are coalesced: one presence event covers every change in a short window.
// members: everyone (small rooms), or nothing (large ones: the count and some names).
QByteArray presence(const Events::Presence &presence);
QByteArray memberPage(int total, int from, const QList<MemberInfo> &members);
QByteArray memberSearch(int total, const QString &prefix, const QList<MemberInfo> &members);
// before/after: -1 unless the page answers such a request.
QByteArray history(const QList<ChatMessage> &messages, bool hasMore, qint64 before, qint64 after);
QByteArray typing(const QString &name);
QByteArray error(const ProtocolError &error, const QString &clientId = {});
// The host ended the room for everyone; the connection closes next (CloseCode::kRoomEnded).
QByteArray roomEnded(const QString &reason);
QByteArray fileAccepted(const Events::FileAccepted &accepted);
QByteArray fileProgress(const Events::FileProgress &progress);
QByteArray upload(const Events::Upload &upload);
} // namespace ServerEvents

} // namespace Tertulia
