#pragma once

#include <QtCore/qglobal.h>

// Sizes the protocol allows by default; a host may run with others and says which in its
// welcome (RoomLimits), and both clients follow what it says.
namespace Tertulia::Limits {

constexpr int kMaxNameLength = 32; // characters (Unicode code points) after trimming
constexpr int kMaxMessageLength = 4000; // characters (Unicode code points)
// Rooms up to this many members list everyone in welcomes and presence events; larger ones
// send a count and a first page, and the rest on request (members pages and searches).
constexpr int kFullMemberList = 50;
constexpr int kMemberPage = 100; // members in one page or search answer at most
constexpr int kNamedChanges = 10; // names a large room's presence event lists of each kind

} // namespace Tertulia::Limits

// How both clients behave toward a host: page sizes they ask for and when they try again. The
// window reads these; the page receives them in /protocol.js (CLIENT).
namespace Tertulia::ClientPolicy {

constexpr int kFirstRetryMs = 500; // reconnecting: half to all of this, doubling...
constexpr int kMaxRetryMs = 15'000; // ...up to this
constexpr int kRetryDoublings = 5;
constexpr int kFirstResendMs = 1'000; // a message the host could not store yet: again after this,
constexpr int kMaxResendMs = 15'000; // doubling up to this
constexpr int kOlderPage = 50; // messages asked for when scrolling back
constexpr int kCatchUpPage = 500; // messages asked for at once when a history page had more
constexpr int kMemberSearch = 50; // names asked for by "Find someone"
constexpr int kMentionChoices = 8; // names offered after @
constexpr int kTypingEveryMs = 2'000; // a typing notice at most this often
constexpr int kTypingShownMs = 4'000; // someone typing is shown this long after their notice

} // namespace Tertulia::ClientPolicy

namespace Tertulia {

// Raised when a change to the protocol would confuse a client written for the one before; said
// in the room's LAN announcements and in /room.
constexpr int kProtocolVersion = 1;

// The limits a host runs with, as its welcome tells them. Lengths count Unicode code points.
struct RoomLimits
{
    int nameLength = Limits::kMaxNameLength;
    int messageLength = Limits::kMaxMessageLength;
    qint64 messageBytes = 64 * 1024; // one WebSocket message, JSON included
    double messagesPerSecond = 10;
    int messageBurst = 30;
    int historyPage = 500; // messages in one history page at most
    qint64 fileBytes = qint64(2) * 1024 * 1024 * 1024; // one file; 0: the host takes no files
    int memberPage = Limits::kMemberPage; // members in one page or search answer at most
};

} // namespace Tertulia
