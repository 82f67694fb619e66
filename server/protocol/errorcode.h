#pragma once

#include <QtCore/QString>

// Stable, machine-readable error codes sent in "error" events, and the WebSocket close codes
// the host uses. docs/PROTOCOL.md lists both; never renumber or rename them.
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
    MessageTooLong, // over Limits::kMaxMessageLength
    MessageInvalid, // control characters other than tab and newline
    StorageFailed, // the host could not store the message; it was not delivered
    RateLimited, // faster than the room allows: slow down
    PasswordRequired, // the room has a password and the join carried none
    PasswordWrong, // the join carried the wrong password
    PasswordThrottled, // too many wrong passwords from this address: wait before trying again
    JoinTimeout, // connected but never said who it is
    Removed, // the host removed this member from the room
    RoomLocked, // the host locked the room to newcomers
    NoSuchMember, // a direct message to someone who is not in the room
    QuotaExceeded, // this address stored too much history lately; the message was not stored
};

QString errorCodeName(ErrorCode code);

// What the offender is told: the stable code and a sentence for people.
struct ProtocolError
{
    ErrorCode code;
    QString reason;
};

// Close codes in the private range 4000-4999, sent after an "error" event that says why.
namespace CloseCode {
constexpr quint16 kNameInvalid = 4001;
constexpr quint16 kNameTaken = 4002;
constexpr quint16 kReplaced = 4003; // the same member connected again with its resume token
constexpr quint16 kTooSlow = 4004; // fell too far behind reading; may resume and catch up
constexpr quint16 kJoinTimeout = 4005; // never said who it is
constexpr quint16 kRemoved = 4006; // removed by the host
constexpr quint16 kRoomLocked = 4007; // the room takes no newcomers now
constexpr quint16 kPolicy = 1008; // persistent flooding; a wrong or missing room password
} // namespace CloseCode

} // namespace Tertulia
