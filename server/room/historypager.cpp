#include "historypager.h"

#include "commitgroup.h"
#include "memberregistry.h"
#include "messagestore.h"
#include "monotonicclock.h"
#include "names.h"

#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;

HistoryPager::HistoryPager(MessageStore &store, CommitGroup &commits,
                           const MemberRegistry &registry, RoomConnections &connections,
                           qint64 maxQueuedBytes, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_commits(commits),
      m_registry(registry),
      m_connections(connections),
      m_maxQueuedBytes(maxQueuedBytes),
      m_reads(double(kBytesPerSecond), double(kBurstBytes))
{ }

void HistoryPager::request(QWebSocket *socket, qint64 before, qint64 after, int limit,
                           int fallbackLimit)
{
    Peer *peer = m_connections.find(socket);
    if (!peer)
        return;
    if (peer->pendingHistory.size() >= kMaxPending) {
        m_connections.sendError(socket, {ErrorCode::RateLimited,
                                         u"Wait for the history pages you asked for before "
                                         "asking for more."_s});
        return;
    }
    limit = std::clamp(limit <= 0 ? fallbackLimit : limit, 0, kMaxPage);
    peer->pendingHistory.enqueue({before, after, limit});
    serve(socket);
}

void HistoryPager::serve(QWebSocket *socket)
{
    for (;;) {
        Peer *peer = m_connections.find(socket);
        if (!peer || peer->pendingHistory.isEmpty())
            return;
        bool queueShort = false;
        const qint64 room = budget(socket, *peer, &queueShort);
        if (room < kMinPageBytes) {
            // A short queue is served again as it drains (bytesWritten); a spent budget by time.
            if (queueShort && peer->transport) {
                m_connections.watchDrain(socket);
            } else if (!peer->historyRetryScheduled) {
                peer->historyRetryScheduled = true;
                QTimer::singleShot(kRetryMs, socket, [this, socket] {
                    if (Peer *stillThere = m_connections.find(socket))
                        stillThere->historyRetryScheduled = false;
                    serve(socket);
                });
            }
            return;
        }
        sendPage(socket, peer->pendingHistory.dequeue(), room);
    }
}

void HistoryPager::sendPage(QWebSocket *socket, const Peer::HistoryRequest &request, qint64 budget)
{
    const auto [before, after, limit] = request;
    m_commits.flush(); // a page never holds a message before its readers and its sender hear it
    // Each reader gets the room's messages and the direct messages they sent or received: as
    // the member they are, not the name (someone who had the name before is someone else).
    const QString reader = m_registry.memberIdOf(m_registry.nameOf(socket));
    // One more than fits tells whether there is more beyond the page.
    const std::optional<QList<StoredMessage>> read
            = before >= 0  ? m_store.before(reader, before, limit + 1, budget)
              : after >= 0 ? m_store.after(reader, after, limit + 1, budget)
                           : m_store.latest(reader, limit + 1, budget);
    if (!read) { // logged by the store; an empty page would say there is no history
        m_connections.sendError(socket, {ErrorCode::HistoryUnavailable, m_store.errorString()});
        return;
    }
    QList<StoredMessage> page = *read;
    qint64 bytes = 0;
    for (const StoredMessage &stored : std::as_const(page))
        bytes += stored.pageBytes();
    bool hasMore = false;
    // The farthest message goes; one alone is sent however large, or nobody could read it.
    while (page.size() > limit || (page.size() > 1 && bytes > budget)) {
        bytes -= (after >= 0 ? page.takeLast() : page.takeFirst()).pageBytes();
        hasMore = true;
    }
    m_reads.spend(socket->peerAddress(), MonotonicClock::nowMs(), double(bytes));
    QList<ChatMessage> messages;
    messages.reserve(page.size());
    for (const StoredMessage &stored : std::as_const(page))
        messages.append(toChatMessage(stored));
    m_connections.deliver(socket, ServerEvents::history(messages, hasMore, before, after));
}

qint64 HistoryPager::budget(QWebSocket *socket, const Peer &peer, bool *queueShort)
{
    // A page must fit its reader's queue with room to spare, or a member coming back to a
    // heavy history would be cut off as too slow on every try.
    const qint64 queueRoom = (m_maxQueuedBytes - peer.unsentBytes()) / 2;
    const qint64 addressRoom
            = qint64(m_reads.available(socket->peerAddress(), MonotonicClock::nowMs()));
    *queueShort = queueRoom < addressRoom;
    return std::max<qint64>(0, std::min({kMaxPageBytes, queueRoom, addressRoom}));
}
