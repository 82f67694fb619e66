#include "deadlinequeue.h"

#include <algorithm>

DeadlineQueue::DeadlineQueue(int delayMs, Due due, QObject *parent)
    : QObject(parent), m_delayMs(std::max(0, delayMs)), m_due(std::move(due))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineQueue::expire);
}

void DeadlineQueue::add(QObject *object)
{
    m_entries.push_back({m_clock.elapsed() + m_delayMs, object});
    if (!m_timer.isActive())
        schedule();
}

void DeadlineQueue::expire()
{
    const qint64 now = m_clock.elapsed();
    while (!m_entries.empty() && m_entries.front().dueMs <= now) {
        const QPointer<QObject> object = m_entries.front().object;
        m_entries.pop_front();
        if (object)
            m_due(object); // may add() again: the entry is already gone from the front
    }
    schedule();
}

void DeadlineQueue::schedule()
{
    if (m_entries.empty())
        return;
    m_timer.start(int(std::max<qint64>(0, m_entries.front().dueMs - m_clock.elapsed())));
}
