#include "memberlists.h"

#include "memberregistry.h"
#include "protocollimits.h"
#include "roomconnections.h"

using namespace Tertulia;

namespace {

// The total is left out: presence events carry it, and every join would otherwise change
// every watcher's rows.
size_t hashOf(const QList<MemberInfo> &rows)
{
    size_t seed = 0;
    for (const MemberInfo &member : rows)
        seed = qHashMulti(seed, member.name, member.away, member.host);
    return seed;
}

} // namespace

void MemberLists::request(QWebSocket *socket, const Requests::Members &request)
{
    const int total = m_registry.count();
    if (request.from < 0) {
        m_connections.deliver(
                socket,
                ServerEvents::memberSearch(total, request.prefix,
                                           m_registry.startingWith(request.prefix, request.limit)));
        return;
    }
    if (request.limit <= 0) {
        m_watches.remove(socket);
        return;
    }
    const int from = int(qMin<qint64>(request.from, 1 << 30)); // beyond the end: no rows
    const QList<MemberInfo> rows = m_registry.page(from, request.limit);
    m_watches.insert(socket, {from, request.limit, hashOf(rows)});
    m_connections.deliver(socket, ServerEvents::memberPage(total, from, rows));
}

void MemberLists::refresh()
{
    // Small rooms' presence events list everyone; watchers hear again once the room grows.
    if (m_watches.isEmpty() || m_registry.count() <= Limits::kFullMemberList)
        return;
    struct Rows
    {
        QList<MemberInfo> members;
        size_t hash = 0;
        QByteArray event; // made for the first watcher who needs it
    };
    // Most watchers watch the same few ranges (the top of the list): each is read once.
    QHash<QPair<int, int>, Rows> ranges;
    const int total = m_registry.count();
    for (auto watch = m_watches.begin(); watch != m_watches.end(); ++watch) {
        const QPair<int, int> range{watch->from, watch->count};
        auto rows = ranges.find(range);
        if (rows == ranges.end()) {
            const QList<MemberInfo> members = m_registry.page(watch->from, watch->count);
            rows = ranges.insert(range, {members, hashOf(members), {}});
        }
        if (rows->hash == watch->sent)
            continue;
        if (rows->event.isEmpty())
            rows->event = ServerEvents::memberPage(total, watch->from, rows->members);
        watch->sent = rows->hash;
        m_connections.deliver(watch.key(), rows->event);
    }
}
