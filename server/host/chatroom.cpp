#include "chatroom.h"

#include "names.h"

#include <QtCore/QUrlQuery>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;

ChatRoom::ChatRoom(QObject *parent) : QObject(parent)
{
    m_presenceTimer.setSingleShot(true);
    m_presenceTimer.setInterval(kPresenceWindowMs);
    connect(&m_presenceTimer, &QTimer::timeout, this, &ChatRoom::flushPresence);
}

void ChatRoom::addConnection(QWebSocket *socket)
{
    socket->setParent(this);
    m_connections.insert(socket, {});
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { onTextMessage(socket, frame); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket] { onBinaryMessage(socket); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });

    // The seeds' clients name themselves in the URL: /ws?name=Ana.
    const QUrlQuery query(socket->requestUrl());
    if (query.hasQueryItem(u"name"_s))
        join(socket, Names::normalized(query.queryItemValue(u"name"_s, QUrl::FullyDecoded)));
}

QList<MemberInfo> ChatRoom::members() const
{
    QList<MemberInfo> members;
    members.reserve(m_memberOrder.size());
    for (QWebSocket *socket : m_memberOrder) {
        const Connection &connection = m_connections[socket];
        members.append({connection.name, connection.since});
    }
    return members;
}

void ChatRoom::onTextMessage(QWebSocket *socket, const QString &frame)
{
    const DecodedClientPayload decoded = decodeClientPayload(frame);
    if (const auto *error = std::get_if<ProtocolError>(&decoded)) {
        sendError(socket, *error);
        return;
    }
    const auto &payload = std::get<ClientPayload>(decoded);
    const QString boundName = m_connections.value(socket).name;

    if (boundName.isEmpty()) {
        if (payload.type == ClientPayload::Type::Join) {
            join(socket, payload.name);
            return;
        }
        if (payload.name.isEmpty()) {
            sendError(socket, {ErrorCode::NotJoined, u"Say who you are first: send a name."_s});
            return;
        }
        if (!join(socket, payload.name))
            return;
    } else if (!payload.name.isEmpty()
               && Names::uniquenessKey(payload.name) != Names::uniquenessKey(boundName)) {
        // The name is bound to the connection: nobody speaks as someone else.
        sendError(socket,
                  {ErrorCode::NameMismatch,
                   u"You are in this room as \"%1\"; you cannot speak as someone else."_s.arg(
                           boundName)});
        return;
    } else if (payload.type == ClientPayload::Type::Join) {
        socket->sendTextMessage(
                ServerEvents::welcome(boundName, members(), QDateTime::currentDateTimeUtc()));
        return;
    }
    post(socket, payload);
}

void ChatRoom::onBinaryMessage(QWebSocket *socket)
{
    sendError(socket, {ErrorCode::BinaryFrame, u"Send JSON text frames, not binary ones."_s});
}

void ChatRoom::onDisconnected(QWebSocket *socket)
{
    const Connection connection = m_connections.take(socket);
    if (!connection.name.isEmpty()) {
        m_membersByKey.remove(Names::uniquenessKey(connection.name));
        m_memberOrder.removeOne(socket);
        m_pendingLeft.append(connection.name);
        schedulePresence();
        emit memberLeft(connection.name);
    }
    socket->deleteLater();
}

bool ChatRoom::join(QWebSocket *socket, const QString &name)
{
    if (auto problem = Names::problemWith(name)) {
        refuseName(socket, *problem);
        return false;
    }
    const QString key = Names::uniquenessKey(name);
    if (m_membersByKey.contains(key)) {
        refuseName(socket, {ErrorCode::NameTaken,
                            u"Someone in this room is already called \"%1\"."_s.arg(name)});
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_connections[socket] = {name, now};
    m_membersByKey.insert(key, socket);
    m_memberOrder.append(socket);
    socket->sendTextMessage(ServerEvents::welcome(name, members(), now));
    m_pendingJoined.append(name);
    schedulePresence();
    emit memberJoined(name);
    return true;
}

void ChatRoom::post(QWebSocket *socket, const ClientPayload &payload)
{
    // Everyone learns who joined before they read what the newcomer says.
    if (m_presenceTimer.isActive()) {
        m_presenceTimer.stop();
        flushPresence();
    }
    const QString name = m_connections.value(socket).name;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 id = ++m_lastMessageId;
    broadcast(ServerEvents::message(id, name, payload.message, now), socket);
    socket->sendTextMessage(ServerEvents::ack(id, payload.clientId, now));
    emit messagePosted(id, name, payload.message);
}

void ChatRoom::refuseName(QWebSocket *socket, const ProtocolError &error)
{
    sendError(socket, error);
    socket->close(QWebSocketProtocol::CloseCode(error.code == ErrorCode::NameTaken
                                                        ? CloseCode::kNameTaken
                                                        : CloseCode::kNameInvalid),
                  errorCodeName(error.code)); // the reason must fit in 123 bytes
}

void ChatRoom::sendError(QWebSocket *socket, const ProtocolError &error)
{
    socket->sendTextMessage(ServerEvents::error(error));
}

void ChatRoom::broadcast(const QString &event, const QWebSocket *except)
{
    for (QWebSocket *member : std::as_const(m_memberOrder)) {
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
