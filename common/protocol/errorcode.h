#pragma once

#include <QtCore/QString>

#include <array>

// The host's codes, in one table: each stable name with the WebSocket close code that follows
// it (if it closes), what a client must do, and a sentence for people. The native client reads
// this table, the page gets it from the host (/protocol.js), and docs/PROTOCOL.md is checked
// against it; never renumber or rename a code.
namespace Tertulia {

enum class ErrorCode {
    BadJson, // the frame is not valid JSON
    NotAnObject, // valid JSON, but not an object
    BadField, // a known field has the wrong type
    UnknownType, // "type" names no message the host understands
    BinaryFrame, // binary frames are not part of the protocol
    NameInvalid, // empty, too long, or contains control characters
    NameTaken, // another member already uses this name (ignoring case)
    NameMismatch, // the payload claims a name other than the one bound to the connection
    NotJoined, // a chat message before the connection has a name
    EmptyMessage, // nothing but white space
    MessageTooLong, // over the host's message length or size
    MessageInvalid, // control characters other than tab and newline
    StorageFailed, // the host could not store the message; it was not delivered
    RateLimited, // faster than the room allows: slow down (kept up: disconnected, 1008)
    PasswordRequired, // the room has a password and the join carried none
    PasswordWrong, // the join carried the wrong password
    PasswordThrottled, // too many wrong passwords from this address: wait before trying again
    JoinTimeout, // connected but never said who it is
    Removed, // the host removed this member from the room
    RoomLocked, // the host locked the room to newcomers
    NoSuchMember, // a direct message to someone who is not in the room
    QuotaExceeded, // this address stored too much history lately; the message was not stored
    Replaced, // the same member connected again elsewhere with its resume token
    TooSlow, // fell too far behind reading; may come back and catch up
    RoomEnded, // the host ended the room for everyone (also the room_ended event)
    Restarting, // the host is restarting: come back in a moment
    Blocked, // the host blocked this device's address: HTTP 403 before any WebSocket
    HistoryUnavailable, // the host could not read the history page asked for
    FileTooBig, // over the host's file size, or more than the room keeps for files in all
    DiskFull, // the host's disk has no room for that file now
    UploadUnknown, // no such upload of yours (finished, given up, or expired)
    FileDamaged, // the bytes received are not the file offered (size or SHA-256)
    PictureUnreadable, // a picture the host cannot decode within its limits
    TooManyUploads, // this member has the most uploads going at once already
};

// What a client does when told a code, by event or by close code.
enum class ClientAction {
    Retry, // reconnect with backoff (after a close) and resend what is unacknowledged
    Stop, // stop, say why, no automatic reconnection (a deliberate "try again" may exist)
    AskName, // stop and ask for another name
    AskPassword, // stop and ask for the room's password
    NotSent, // that message (clientId) was refused for what it is: mark it not sent
    Show, // say it; nothing else changes
};

struct ErrorSpec
{
    ErrorCode code;
    const char *name; // on the wire, in "code"
    quint16 closeCode; // the close that follows, 0 if the connection stays open
    ClientAction action;
    const char *sentence; // English, for people; hosts may say more. The one wording of the
                          // code for every client: translated (context "ErrorCode") from the
                          // same phrase table for the window and the page.
};

constexpr size_t kErrorCodeCount = size_t(ErrorCode::TooManyUploads) + 1; // the last one

// Every code, in the enum's order.
const std::array<ErrorSpec, kErrorCodeCount> &errorTable();
const ErrorSpec &errorSpec(ErrorCode code);
// The spec for a wire name or a close code; nullptr if unknown.
const ErrorSpec *errorSpecNamed(const QString &name);
const ErrorSpec *errorSpecForClose(quint16 closeCode);
QString errorCodeName(ErrorCode code);
QString clientActionName(ClientAction action);
// The spec's sentence in the application's language (its installed translator), or English.
QString translatedSentence(const ErrorSpec &spec);

// What the offender is told: the stable code and a sentence for people.
struct ProtocolError
{
    ErrorCode code;
    QString reason;
};

// The code with its table sentence: for a host with nothing more precise to say.
ProtocolError protocolError(ErrorCode code);

// Close codes, sent after an "error" event that says why where the connection can take it.
namespace CloseCode {
constexpr quint16 kRoomEnded = 1001; // going away: the host ended the room
constexpr quint16 kPolicy = 1008; // persistent flooding; a wrong or missing room password
constexpr quint16 kTooBig = 1009; // a frame or message over the host's size
constexpr quint16 kRestarting = 1012; // service restart: come back
constexpr quint16 kNameInvalid = 4001;
constexpr quint16 kNameTaken = 4002;
constexpr quint16 kReplaced = 4003; // the same member connected again with its resume token
constexpr quint16 kTooSlow = 4004; // fell too far behind reading; may resume and catch up
constexpr quint16 kJoinTimeout = 4005; // never said who it is
constexpr quint16 kRemoved = 4006; // removed by the host
constexpr quint16 kRoomLocked = 4007; // the room takes no newcomers now
} // namespace CloseCode

} // namespace Tertulia
