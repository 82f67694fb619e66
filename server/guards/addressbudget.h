#pragma once

#include "tokenbucket.h"

#include <QtCore/QHash>
#include <QtNetwork/QHostAddress>

// A budget per client address (bytes of history read, bytes stored): so much at once, then so
// much a second. Addresses whose budget is whole again are forgotten, so it holds only those
// that spent lately.
class AddressBudget final
{
public:
    AddressBudget(double perSecond, double burst) : m_perSecond(perSecond), m_burst(burst) { }

    double available(const QHostAddress &address, qint64 nowMs)
    {
        const auto budget = m_budgets.find(address);
        return budget == m_budgets.end() ? m_burst : budget->available(nowMs);
    }

    void spend(const QHostAddress &address, qint64 nowMs, double amount)
    {
        auto budget = m_budgets.find(address);
        if (budget == m_budgets.end()) {
            forgetWhole(nowMs);
            budget = m_budgets.insert(address, TokenBucket(m_perSecond, m_burst));
        }
        budget->spend(nowMs, amount);
    }

private:
    void forgetWhole(qint64 nowMs)
    {
        const double burst = m_burst;
        m_budgets.removeIf(
                [nowMs, burst](auto entry) { return entry.value().available(nowMs) >= burst; });
    }

    double m_perSecond;
    double m_burst;
    QHash<QHostAddress, TokenBucket> m_budgets;
};
