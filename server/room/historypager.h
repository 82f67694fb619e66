#pragma once

#include "addressbudget.h"
#include "peer.h"
#include "roomconnections.h"
#include "serverevent.h"
#include "storedmessage.h"

#include <QtCore/QObject>

class CommitGroup;
class MemberRegistry;
class MessageStore;

// Sends each reader the history pages it asks for, as its queue and its address's read budget
// allow: a page waits for the reader to drain its queue, or for the budget to refill. Reads
// the room's connections and members, and writes through the connections. Reads only what is
// committed: the messages of the pass still being stored go out first (CommitGroup).
class HistoryPager final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPage = Tertulia::RoomLimits{}.historyPage;
    // A page also ends at this many bytes (StoredMessage::pageBytes), or at half the room left
    // in its reader's queue; clients ask for the rest when it has arrived.
    static constexpr qint64 kMaxPageBytes = 256 * 1024;
    // History read for one client address: so much at once, then so much a second.
    static constexpr qint64 kBurstBytes = 16 * 1024 * 1024;
    static constexpr qint64 kBytesPerSecond = 4 * 1024 * 1024;
    // With less room than this (queue or budget), a page waits: for the reader to drain its
    // queue, or for the budget to refill (tried again every kRetryMs).
    static constexpr qint64 kMinPageBytes = 32 * 1024;
    static constexpr int kRetryMs = 100;
    static constexpr int kMaxPending = 8; // pages asked for and waiting, per connection

    HistoryPager(MessageStore &store, CommitGroup &commits, const MemberRegistry &registry,
                 RoomConnections &connections, qint64 maxQueuedBytes, QObject *parent = nullptr);

    // Queues the page (limit: at most kMaxPage; 0 or less: `fallbackLimit`).
    void request(QWebSocket *socket, qint64 before, qint64 after, int limit, int fallbackLimit);
    // Serves what waits, as far as room allows (e.g. once the reader's queue drained).
    void serve(QWebSocket *socket);

    static Tertulia::ChatMessage toChatMessage(const StoredMessage &stored)
    {
        const StoredFile &file = stored.file;
        return {stored.id,
                stored.name,
                stored.text,
                stored.time,
                stored.clientId,
                stored.recipient,
                {file.id, file.name, file.size, file.type, file.width, file.height}};
    }

private:
    void sendPage(QWebSocket *socket, const Peer::HistoryRequest &request, qint64 budget);
    // Bytes the next page may take; below kMinPageBytes it waits. queueShort: whether the
    // reader's queue (not the address's budget) is what is short.
    qint64 budget(QWebSocket *socket, const Peer &peer, bool *queueShort);

    MessageStore &m_store;
    CommitGroup &m_commits;
    const MemberRegistry &m_registry;
    // Pages waiting are kept on each Peer (the only fields written here); sent through it.
    RoomConnections &m_connections;
    qint64 m_maxQueuedBytes;
    AddressBudget m_reads; // bytes of history each address may read
};
