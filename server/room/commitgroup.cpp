#include "commitgroup.h"

#include <QtWebSockets/QWebSocket>

CommitGroup::CommitGroup(MessageStore &store, Deliver deliver, QObject *parent)
    : QObject(parent), m_store(store), m_deliver(std::move(deliver))
{ }

void CommitGroup::open()
{
    if (m_store.inGroup() || !m_store.begin())
        return; // already open, or each message commits alone (begin() logged why)
    // Queued: it runs once the pass has handled everything that was ready.
    QMetaObject::invokeMethod(this, &CommitGroup::flush, Qt::QueuedConnection);
}

void CommitGroup::hold(Stored stored)
{
    if (m_store.inGroup())
        m_held.append(std::move(stored));
    else
        m_deliver(stored);
}

void CommitGroup::flush()
{
    if (!m_store.inGroup())
        return;
    const bool committed = m_store.commit();
    // Taken first: delivering lets the room send, which flushes again (and finds it done).
    const QList<Stored> held = std::exchange(m_held, {});
    for (Stored stored : held) {
        if (!committed && stored.appended && !stored.appended->duplicate)
            stored.appended.reset(); // undone with the rest of the group
        m_deliver(stored);
    }
}
