#pragma once

#include <QtCore/QHash>
#include <QtNetwork/QHostAddress>

// Slows down password guessing per client address: after each wrong password the address must
// wait before its next try — 1 s, doubling with every failure in a row, up to kMaxWaitMs.
// The right password from another address is never held up. Forgets an address once it has
// been quiet for kForgetMs.
class PasswordThrottle final
{
public:
    static constexpr qint64 kFirstWaitMs = 1000;
    static constexpr qint64 kMaxWaitMs = 60'000;
    static constexpr qint64 kForgetMs = 15 * 60'000;

    // How long the address must still wait before it may try; 0: it may try now.
    qint64 waitMs(const QHostAddress &address, qint64 nowMs) const;
    // Returns how many wrong passwords in a row the address has sent.
    int failed(const QHostAddress &address, qint64 nowMs);
    void succeeded(const QHostAddress &address) { m_failures.remove(address); }

private:
    struct Failures
    {
        int count = 0;
        qint64 lastMs = 0;
        qint64 nextTryMs = 0;
    };

    QHash<QHostAddress, Failures> m_failures;
};
