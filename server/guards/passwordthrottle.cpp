#include "passwordthrottle.h"

#include <algorithm>

qint64 PasswordThrottle::waitMs(const QHostAddress &address, qint64 nowMs) const
{
    const auto failures = m_failures.constFind(address);
    return failures == m_failures.cend() ? 0 : std::max<qint64>(0, failures->nextTryMs - nowMs);
}

int PasswordThrottle::failed(const QHostAddress &address, qint64 nowMs)
{
    // Bounded by the addresses that guessed in the last kForgetMs.
    m_failures.removeIf([nowMs](auto entry) { return nowMs - entry.value().lastMs > kForgetMs; });
    Failures &failures = m_failures[address];
    ++failures.count;
    failures.lastMs = nowMs;
    const qint64 wait = kFirstWaitMs << std::min(failures.count - 1, 16);
    failures.nextTryMs = nowMs + std::min(wait, kMaxWaitMs);
    return failures.count;
}
