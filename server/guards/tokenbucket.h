#pragma once

#include <QtCore/QtGlobal>

#include <algorithm>

// Allows `burst` actions (or bytes) at once and `perSecond` sustained; take() says whether one
// more fits.
class TokenBucket final
{
public:
    explicit TokenBucket(double perSecond = 1, double burst = 1)
        : m_perSecond(perSecond), m_burst(burst), m_tokens(burst)
    { }

    bool take(qint64 nowMs)
    {
        if (available(nowMs) < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    double available(qint64 nowMs)
    {
        if (m_lastMs >= 0)
            m_tokens = std::min<double>(m_burst,
                                        m_tokens + (nowMs - m_lastMs) * m_perSecond / 1000.0);
        m_lastMs = nowMs;
        return m_tokens;
    }

    // Takes `amount` whatever is left: what was spent beyond is owed and refills first.
    void spend(qint64 nowMs, double amount)
    {
        available(nowMs);
        m_tokens -= amount;
    }

private:
    double m_perSecond;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};
