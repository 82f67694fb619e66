#include "chatroom.h"

#include "messagestore.h"
#include "names.h"

#include <QtCore/QUrlQuery>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

ChatMessage toChatMessage(const StoredMessage &stored)
{
    return {stored.id, stored.name, stored.text, stored.time, stored.clientId};
}

qint64 queryNumber(const QUrlQuery &query, const QString &key)
{
    bool ok = false;
    const qint64 value = query.queryItemValue(key).toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

} // namespace

ChatRoom::ChatRoom(MessageStore &store, int backlog, int resumeGraceMs, QObject *parent)
    : QObject(parent), m_store(store), m_backlog(backlog), m_resumeGraceMs(resumeGraceMs)
{
    m_presenceTimer.setSingleShot(true);
    m_presenceTimer.setInterval(kPresenceWindowMs);
    connect(&m_presenceTimer, &QTimer::timeout, this, &ChatRoom::flushPresence);
}

void ChatRoom::addConnection(QWebSocket *socket)
{
    socket->setParent(this);
    m_connections.insert(socket);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { onTextMessage(socket, frame); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        sendError(socket, {ErrorCode::BinaryFrame, u"Send JSON text frames, not binary ones."_s});
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });

    // The seeds' clients name themselves in the URL: /ws?name=Ana (&since=42&resume=…).
    const QUrlQuery query(socket->requestUrl());
    if (query.hasQueryItem(u"name"_s)) {
        ClientPayload request;
        request.type = ClientPayload::Type::Join;
        request.name = Names::normalized(query.queryItemValue(u"name"_s, QUrl::FullyDecoded));
        request.resume = query.queryItemValue(u"resume"_s, QUrl::FullyDecoded);
        request.resumable = query.hasQueryItem(u"resume"_s);
        request.since = queryNumber(query, u"since"_s);
        join(socket, request);
    }
}

void ChatRoom::onTextMessage(QWebSocket *socket, const QString &frame)
{
    const DecodedClientPayload decoded = decodeClientPayload(frame);
    if (const auto *error = std::get_if<ProtocolError>(&decoded)) {
        sendError(socket, *error);
        return;
    }
    const auto &payload = std::get<ClientPayload>(decoded);
    const QString boundName = m_registry.nameOf(socket);

    if (boundName.isEmpty()) {
        if (payload.type == ClientPayload::Type::Join) {
            join(socket, payload);
            return;
        }
        if (payload.name.isEmpty() || payload.type != ClientPayload::Type::Message) {
            sendError(socket, {ErrorCode::NotJoined, u"Say who you are first: send a name."_s},
                      payload.clientId);
            return;
        }
        if (!join(socket, payload))
            return;
    } else if (!payload.name.isEmpty()
               && Names::uniquenessKey(payload.name) != Names::uniquenessKey(boundName)) {
        // The name is bound to the connection: nobody speaks as someone else.
        sendError(socket,
                  {ErrorCode::NameMismatch,
                   u"You are in this room as \"%1\"; you cannot speak as someone else."_s.arg(
                           boundName)},
                  payload.clientId);
        return;
    } else if (payload.type == ClientPayload::Type::Join) {
        socket->sendTextMessage(
                ServerEvents::welcome(boundName, members(), QDateTime::currentDateTimeUtc(), {}));
        return;
    }
    switch (payload.type) {
    case ClientPayload::Type::History:
        sendHistory(socket, payload.before, payload.after, payload.limit);
        break;
    case ClientPayload::Type::Leave:
        m_leaving.insert(socket);
        socket->close(QWebSocketProtocol::CloseCodeNormal, u"goodbye"_s);
        break;
    default:
        post(socket, payload);
        break;
    }
}

void ChatRoom::onDisconnected(QWebSocket *socket)
{
    m_connections.remove(socket);
    // Qt 6.4 reports close code 1000 even when the TCP connection just dropped, so a goodbye
    // is an explicit "leave". Clients that never asked for a resume token (the seeds') leave
    // on any disconnect, as they always did.
    const bool leaving = m_leaving.remove(socket) || !m_registry.isResumable(socket);
    const QString name = m_registry.release(socket, leaving, QDateTime::currentDateTimeUtc());
    if (!name.isEmpty()) {
        if (leaving) {
            m_pendingLeft.append(name);
            emit memberLeft(name);
        } else {
            QTimer::singleShot(m_resumeGraceMs + 10, this, &ChatRoom::expireAwayMembers);
        }
        schedulePresence();
    }
    socket->deleteLater();
}

bool ChatRoom::join(QWebSocket *socket, const ClientPayload &request)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const MemberRegistry::Claim claim
            = m_registry.claim(socket, request.name, request.resume, request.resumable, now);
    if (claim.outcome == MemberRegistry::Outcome::Refused) {
        refuseName(socket, claim.error);
        return false;
    }
    if (claim.replaced) {
        m_connections.remove(claim.replaced);
        claim.replaced->close(QWebSocketProtocol::CloseCode(CloseCode::kReplaced), u"replaced"_s);
    }
    socket->sendTextMessage(ServerEvents::welcome(claim.name, members(), now, claim.resumeToken));
    // History before any live traffic: what was said before, or exactly what was missed.
    if (request.since >= 0)
        sendHistory(socket, -1, request.since, kMaxHistoryPage);
    else
        sendHistory(socket, -1, -1, m_backlog);
    if (claim.outcome == MemberRegistry::Outcome::Joined) {
        m_pendingJoined.append(claim.name);
        emit memberJoined(claim.name);
    }
    schedulePresence();
    return true;
}

void ChatRoom::post(QWebSocket *socket, const ClientPayload &payload)
{
    // Everyone learns who joined before they read what the newcomer says.
    if (m_presenceTimer.isActive()) {
        m_presenceTimer.stop();
        flushPresence();
    }
    const QString name = m_registry.nameOf(socket);
    const auto appended = m_store.append(name, Names::uniquenessKey(name), payload.message,
                                         payload.clientId, QDateTime::currentDateTimeUtc());
    if (!appended) {
        sendError(socket,
                  {ErrorCode::StorageFailed,
                   u"The host could not store your message; it was not delivered."_s},
                  payload.clientId);
        return;
    }
    const ChatMessage message = toChatMessage(appended->message);
    // A resend of a stored message is acknowledged again but never delivered twice.
    if (!appended->duplicate) {
        broadcast(ServerEvents::message(message), socket);
        emit messagePosted(message);
    }
    socket->sendTextMessage(ServerEvents::ack(message.id, payload.clientId, message.time));
}

void ChatRoom::sendHistory(QWebSocket *socket, qint64 before, qint64 after, int limit)
{
    limit = std::clamp(limit <= 0 ? m_backlog : limit, 0, kMaxHistoryPage);
    // One more than asked for tells whether there is more beyond the page.
    QList<StoredMessage> page = before >= 0  ? m_store.before(before, limit + 1)
                                : after >= 0 ? m_store.after(after, limit + 1)
                                             : m_store.latest(limit + 1);
    const bool hasMore = page.size() > limit;
    if (hasMore) {
        if (after >= 0)
            page.removeLast();
        else
            page.removeFirst();
    }
    QList<ChatMessage> messages;
    messages.reserve(page.size());
    for (const StoredMessage &stored : std::as_const(page))
        messages.append(toChatMessage(stored));
    socket->sendTextMessage(ServerEvents::history(messages, hasMore, before, after));
}

void ChatRoom::refuseName(QWebSocket *socket, const ProtocolError &error)
{
    sendError(socket, error);
    socket->close(QWebSocketProtocol::CloseCode(error.code == ErrorCode::NameTaken
                                                        ? CloseCode::kNameTaken
                                                        : CloseCode::kNameInvalid),
                  errorCodeName(error.code)); // the reason must fit in 123 bytes
}

void ChatRoom::sendError(QWebSocket *socket, const ProtocolError &error, const QString &clientId)
{
    socket->sendTextMessage(ServerEvents::error(error, clientId));
}

void ChatRoom::broadcast(const QString &event, const QWebSocket *except)
{
    const QList<QWebSocket *> connections = m_registry.connections();
    for (QWebSocket *member : connections) {
        if (member != except)
            member->sendTextMessage(event);
    }
}

void ChatRoom::schedulePresence()
{
    // Not restarted by later changes, so a stream of joins cannot postpone the event forever.
    if (!m_presenceTimer.isActive())
        m_presenceTimer.start();
}

void ChatRoom::flushPresence()
{
    const QString event = ServerEvents::presence(m_pendingJoined, m_pendingLeft, members(),
                                                 QDateTime::currentDateTimeUtc());
    m_pendingJoined.clear();
    m_pendingLeft.clear();
    broadcast(event, nullptr);
}

void ChatRoom::expireAwayMembers()
{
    const QDateTime deadline = QDateTime::currentDateTimeUtc().addMSecs(-m_resumeGraceMs);
    const QStringList gone = m_registry.expire(deadline);
    for (const QString &name : gone) {
        m_pendingLeft.append(name);
        emit memberLeft(name);
    }
    if (!gone.isEmpty())
        schedulePresence();
}
