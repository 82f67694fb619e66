#pragma once

#include "tokenbucket.h"

#include <QtCore/QQueue>
#include <QtCore/QString>

#include <optional>

// What one connection may send: messages at the room's rate (over it they wait their turn, in
// order, up to a bound), pings and pieces of a message at the same rate (they cannot wait, so
// over it they are strikes), and each message in a bounded number of pieces and time. Decides
// only; the room acts on the verdicts.
class InboundGate final
{
public:
    static constexpr int kMaxWaitingFrames = 256; // over the rate; more and it is disconnected
    static constexpr qint64 kMaxWaitingBytes = 1024 * 1024; // ...or more than this in them
    static constexpr int kMaxWaitingBeforeJoining = 4; // a newcomer only needs its join
    static constexpr int kMaxStrikes = 32; // frames over the rate that could not wait, in a row
    static constexpr int kMaxFragments = 64; // pieces of one message
    static constexpr int kFragmentedMessageMs = 10'000; // to send all the pieces of one

    enum class Verdict {
        Now, // within the rate: handle it
        Waits, // over the rate: queued (nextWaiting gives it back in its turn)
        WaitsFirst, // the same, and the first to wait: the sender should hear "slow down"
        Flooding, // too much: the sender should be disconnected
    };

    InboundGate() = default;
    InboundGate(double perSecond, int burst) : m_bucket(perSecond, burst) { }

    // A message frame. queue: false for frames that are refused anyway (binary), which are
    // judged but never kept.
    Verdict message(const QString &frame, bool joined, qint64 nowMs, bool queue = true);
    // A ping or a piece of a message. Waits/WaitsFirst here mean "over the rate, a strike".
    Verdict charge(qint64 nowMs);
    // A piece of a message arrived; false if the message came in too many pieces or too slowly.
    bool piece(bool isLast, qint64 nowMs);
    // The oldest waiting frame, if it is its turn.
    std::optional<QString> nextWaiting(qint64 nowMs);
    bool hasWaiting() const { return !m_waiting.isEmpty(); }

private:
    static qint64 bytesOf(const QString &frame) { return frame.size() * qint64(sizeof(QChar)); }

    TokenBucket m_bucket;
    QQueue<QString> m_waiting; // text frames over the rate, in order
    qint64 m_waitingBytes = 0;
    int m_strikes = 0;
    int m_fragments = 0; // pieces of the message being received
    qint64 m_messageStartMs = 0; // when its first piece came
};
