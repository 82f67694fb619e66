// ChatRoom's half that deals with the other hosts of a shared room (SharedRoom): messages
// take their id from it and are delivered when they come back from it, in the room's order;
// members of other hosts are listed and named here but sent nothing from here.

#include "chatroom.h"

#include "hostlog.h"
#include "names.h"
#include "peer.h"

#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

// A host that stopped beating: its members are away this long (they may come back through
// another host), then gone. With RedisRoom's beat, gone within 18 s of the host's last beat.
constexpr int kLostHostGraceMs = 10'000;

} // namespace

void ChatRoom::share(SharedRoom *shared)
{
    m_shared = shared;
    connect(shared, &SharedRoom::stored, this, &ChatRoom::onSharedStored);
    connect(shared, &SharedRoom::memberChanged, this, &ChatRoom::onSharedMember);
    connect(shared, &SharedRoom::memberLeft, this, &ChatRoom::onSharedLeft);
    connect(shared, &SharedRoom::nodeLost, this, &ChatRoom::onNodeLost);
    connect(shared, &SharedRoom::typingElsewhere, this,
            [this](const QString &name) { broadcast(ServerEvents::typing(name), nullptr); });
    connect(shared, &SharedRoom::removalAsked, this, [this](const QString &name) {
        if (m_registry.isMember(name) && !m_registry.isRemote(name))
            removeMember(name);
    });
    connect(shared, &SharedRoom::lockChanged, this, [this](bool locked) { m_locked = locked; });
    connect(shared, &SharedRoom::passwordChanged, this, [this](const QByteArray &record) {
        if (record.isEmpty())
            m_passwordCheck.setPassword(RoomPassword()); // removed: open to everyone again
        else if (const std::optional<RoomPassword> password = RoomPassword::fromRecord(record))
            m_passwordCheck.setPassword(*password);
    });
    connect(shared, &SharedRoom::reconnected, this, &ChatRoom::holdEveryName);
}

ChatRoom::SharedClaim ChatRoom::claimShared(qint64 *generation, QWebSocket *socket,
                                            const Requests::Join &request, const QDateTime &now,
                                            bool host)
{
    // This host's own members (present or away) follow this host's rules alone.
    if (!m_shared || (m_registry.isMember(request.name) && !m_registry.isRemote(request.name)))
        return SharedClaim::Here;
    const SharedRoom::NameClaim claim = m_shared->claimName(
            {request.name, m_shared->node(), now, host, false}, request.resume);
    *generation = claim.generation;
    switch (claim.outcome) {
    case SharedRoom::NameClaim::Taken: {
        const QString spelling = m_registry.spellingOf(request.name);
        refuseName(socket,
                   {ErrorCode::NameTaken, u"Someone in this room is already called \"%1\"."_s.arg(
                                                  spelling.isEmpty() ? request.name : spelling)});
        return SharedClaim::Refused;
    }
    case SharedRoom::NameClaim::Unreachable:
        m_connections.shut(socket, CloseCode::kRestarting,
                           {ErrorCode::Restarting,
                            u"The room cannot reach its other hosts right now; try again in a "
                            "moment."_s});
        return SharedClaim::Refused;
    case SharedRoom::NameClaim::Free:
        break;
    }
    return m_registry.removeRemote(request.name).isEmpty() ? SharedClaim::Here
                                                           : SharedClaim::Elsewhere;
}

void ChatRoom::holdShared(const QString &name)
{
    const std::optional<MemberInfo> info = m_registry.infoOf(name);
    if (!m_shared || !info)
        return;
    m_shared->holdName({name, m_shared->node(), info->since, info->host, info->away,
                        m_registry.generationOf(name), m_registry.memberIdOf(name)},
                       m_registry.resumeTokenOf(name));
}

void ChatRoom::postShared(QWebSocket *socket, const StoredMessage &message)
{
    const std::optional<SharedRoom::Sequenced> sequenced = m_shared->append(message);
    if (!sequenced) {
        m_connections.sendError(socket,
                                {ErrorCode::StorageFailed,
                                 u"The room cannot store messages right now; yours was not "
                                 "delivered. Send it again in a moment."_s},
                                message.clientId);
        return;
    }
    if (sequenced->duplicate && sequenced->id <= m_store.lastId()) {
        // A resend of what this host already has: acknowledged again, never delivered twice.
        const auto stored = m_store.after(message.senderMember, sequenced->id - 1, 1);
        if (stored && !stored->isEmpty() && stored->first().id == sequenced->id) {
            m_connections.deliver(socket, ServerEvents::ack(sequenced->id, message.clientId,
                                                            stored->first().time, {}));
        }
        return;
    }
    m_awaitingAcks[sequenced->id].append({socket, message.clientId});
}

void ChatRoom::onSharedStored(const StoredMessage &message)
{
    m_presence.flushNow(); // everyone learns who joined before reading what they say
    if (!m_store.keep(message, Names::uniquenessKey(message.name),
                      Names::uniquenessKey(message.recipient)))
        qCWarning(lcHost) << "Message" << message.id << "was delivered but not kept here";
    const QList<AwaitingAck> waiting = m_awaitingAcks.take(message.id);
    QWebSocket *sender = waiting.isEmpty() ? nullptr : waiting.first().socket;
    const ChatMessage chat = HistoryPager::toChatMessage(message);
    const QByteArray event = ServerEvents::message(chat);
    if (!chat.isDirect())
        broadcast(event, sender);
    else if (QWebSocket *reader = m_registry.connectionOf(chat.to); reader && reader != sender)
        m_connections.deliver(reader, event);
    for (const AwaitingAck &ack : waiting) {
        if (ack.socket)
            m_connections.deliver(ack.socket,
                                  ServerEvents::ack(message.id, ack.clientId, message.time, {}));
    }
    emit messagePosted(chat);
}

void ChatRoom::forgetAwaitingAcks(QWebSocket *socket)
{
    for (QList<AwaitingAck> &acks : m_awaitingAcks) {
        for (AwaitingAck &ack : acks) {
            if (ack.socket == socket)
                ack.socket = nullptr;
        }
    }
}

void ChatRoom::onSharedMember(const SharedMember &member)
{
    QWebSocket *replaced = nullptr;
    const MemberRegistry::Placed placed
            = m_registry.placeRemote(member.name, member.node, member.since, member.host,
                                     member.away, member.generation, member.memberId, &replaced);
    if (replaced) // it came back through another host, with its resume token
        replace(replaced);
    if (placed == MemberRegistry::Placed::Joined) {
        m_presence.joined(member.name);
        emit memberJoined(member.name);
    } else if (placed == MemberRegistry::Placed::Changed) {
        m_presence.changed(member.name);
    }
}

void ChatRoom::onSharedLeft(const QString &name, const QString &node)
{
    const QString removed = m_registry.removeRemote(name, node);
    if (!removed.isEmpty())
        announceLeft(removed);
}

void ChatRoom::onNodeLost(const QString &node)
{
    for (const QString &name : m_registry.remoteOn(node)) {
        const std::optional<MemberInfo> info = m_registry.infoOf(name);
        onSharedMember({name, node, info->since, info->host, true, m_registry.generationOf(name),
                        m_registry.memberIdOf(name)});
    }
    QTimer::singleShot(kLostHostGraceMs, this, [this, node] {
        for (const QString &name : m_registry.remoteOn(node))
            onSharedLeft(name, node);
    });
}

void ChatRoom::changePassword(const RoomPassword &password)
{
    m_passwordCheck.setPassword(password);
    if (m_shared)
        m_shared->setPassword(password.record());
}

void ChatRoom::holdEveryName()
{
    // Redis may have come back without them (no AOF): this host's members keep their names.
    for (const QString &name : m_registry.localNames())
        holdShared(name);
}
