#include "retentionscheduler.h"

#include "messagestore.h"

RetentionScheduler::RetentionScheduler(MessageStore &store, const RetentionPolicy &policy,
                                       int intervalMs, QObject *parent)
    : QObject(parent), m_store(store), m_policy(policy), m_intervalMs(intervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RetentionScheduler::step);
}

void RetentionScheduler::start()
{
    if (m_policy.kind != RetentionPolicy::Kind::KeepAll || m_policy.maxBytes > 0)
        m_timer.start(0);
}

void RetentionScheduler::step()
{
    int deleted = m_store.prune(m_policy, kStepSize, QDateTime::currentDateTimeUtc());
    bool more = deleted == kStepSize;
    if (!more && m_policy.maxBytes > 0 && m_store.usedBytes() > m_policy.maxBytes) {
        // In small steps, looking at the size after each: a message can be 64 KiB or 10 bytes.
        deleted += m_store.pruneOldest(kBytesStepSize);
        more = deleted > 0;
    }
    m_prunedThisPass += deleted;
    if (more) {
        m_timer.start(0); // more to do: continue after whatever else is waiting
        return;
    }
    emit pruned(m_prunedThisPass);
    m_prunedThisPass = 0;
    m_timer.start(m_intervalMs);
}
