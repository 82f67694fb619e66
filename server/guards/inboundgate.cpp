#include "inboundgate.h"

InboundGate::Verdict InboundGate::message(const QString &frame, bool joined, qint64 nowMs,
                                          bool queue)
{
    if (m_waiting.isEmpty() && m_bucket.take(nowMs)) {
        m_strikes = 0;
        return Verdict::Now;
    }
    // Over the rate: the frame waits its turn, so nothing is lost and order is kept.
    const qint64 bytes = bytesOf(frame);
    if (m_waiting.size() >= (joined ? kMaxWaitingFrames : kMaxWaitingBeforeJoining)
        || m_waitingBytes + bytes > kMaxWaitingBytes)
        return Verdict::Flooding;
    const bool first = m_waiting.isEmpty();
    if (queue) {
        m_waiting.enqueue(frame);
        m_waitingBytes += bytes;
    }
    return first ? Verdict::WaitsFirst : Verdict::Waits;
}

InboundGate::Verdict InboundGate::charge(qint64 nowMs)
{
    if (m_waiting.isEmpty() && m_bucket.take(nowMs)) {
        m_strikes = 0;
        return Verdict::Now;
    }
    if (++m_strikes > kMaxStrikes)
        return Verdict::Flooding;
    return m_strikes == 1 ? Verdict::WaitsFirst : Verdict::Waits;
}

bool InboundGate::piece(bool isLast, qint64 nowMs)
{
    if (isLast) { // the whole message is judged as one
        m_fragments = 0;
        return true;
    }
    if (m_fragments++ == 0)
        m_messageStartMs = nowMs;
    return m_fragments <= kMaxFragments && nowMs - m_messageStartMs <= kFragmentedMessageMs;
}

std::optional<QString> InboundGate::nextWaiting(qint64 nowMs)
{
    if (m_waiting.isEmpty() || !m_bucket.take(nowMs))
        return std::nullopt;
    const QString frame = m_waiting.dequeue();
    m_waitingBytes -= bytesOf(frame);
    return frame;
}
