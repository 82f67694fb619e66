#pragma once

#include "retentionpolicy.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

class MessageStore;

// Applies the retention policy now and then, in small steps, each in its own event-loop pass,
// so pruning a large history never stalls the chat.
class RetentionScheduler final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kStepSize = 500;
    static constexpr int kBytesStepSize = 16; // messages per step when over the size cap

    RetentionScheduler(MessageStore &store, const RetentionPolicy &policy, int intervalMs,
                       QObject *parent = nullptr);

    void start();

signals:
    void pruned(int count); // one pass is over: it deleted this many messages in all

private:
    void step();

    MessageStore &m_store;
    RetentionPolicy m_policy;
    int m_intervalMs;
    QTimer m_timer;
    int m_prunedThisPass = 0;
};
