#include "chatroom.h"

#include "framewriter.h"
#include "hostlog.h"
#include "messagestore.h"
#include "monotonicclock.h"
#include "names.h"
#include "pingwatch.h"
#include "readbuffer.h"

#include <QtCore/QDateTime>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

using MonotonicClock::nowMs;

qint64 queryNumber(const QUrlQuery &query, const QString &key)
{
    bool ok = false;
    const qint64 value = query.queryItemValue(key).toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

} // namespace

ChatRoom::ChatRoom(MessageStore &store, const HostSettings &settings, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_settings(settings),
      m_password(settings.password),
      m_storageGuard(settings.dataDirectory, settings.limits.minFreeDiskBytes,
                     settings.limits.storedBytesPerSecond),
      m_registry(settings.resumeGraceMs),
      m_presence(m_registry),
      m_history(store, m_registry, m_peers, settings.limits.maxQueuedBytes,
                [this](QWebSocket *socket, const QByteArray &event) { deliver(socket, event); }),
      m_joinDeadlines(settings.limits.joinTimeoutMs, [this](QObject *connection) {
          auto *socket = static_cast<QWebSocket *>(connection);
          if (m_registry.nameOf(socket).isEmpty() && !m_peers.value(socket).dropping) {
              shut(socket, CloseCode::kJoinTimeout,
                   {ErrorCode::JoinTimeout, u"Nobody joined on this connection in time."_s});
          }
      })
{
    const HostLimits &limits = settings.limits;
    m_limitsJson = ServerEvents::limitsJson({limits.maxNameLength, limits.maxMessageLength,
                                             limits.maxMessageBytes, limits.messagesPerSecond,
                                             limits.messageBurst, HistoryPager::kMaxPage});
    connect(&m_presence, &PresenceBroadcaster::eventReady, this,
            [this](const QByteArray &event) { broadcast(event, nullptr); });
    // Pings twice per idle period: a live peer answers (browsers do it by themselves).
    m_idleTimer.setInterval(std::max(1, settings.limits.idleTimeoutMs / 2));
    connect(&m_idleTimer, &QTimer::timeout, this, &ChatRoom::sweepIdle);
    m_idleTimer.start();
    m_lastSweepMs = nowMs();
    m_drainTimer.setInterval(kDrainIntervalMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &ChatRoom::drainWaiting);
    m_awayTimer.setSingleShot(true);
    connect(&m_awayTimer, &QTimer::timeout, this, &ChatRoom::expireAwayMembers);
}

ChatRoom::~ChatRoom()
{
    const QList<QWebSocket *> sockets = m_peers.keys(); // aborting one takes it out of the table
    for (QWebSocket *socket : sockets) {
        if (!m_peers.value(socket).dropping)
            socket->abort();
    }
}

void ChatRoom::addConnection(QWebSocket *socket, QTcpSocket *transport)
{
    socket->setParent(this);
    const HostLimits &limits = m_settings.limits;
    Peer peer;
    peer.socket = socket;
    peer.gate = InboundGate(limits.messagesPerSecond, limits.messageBurst);
    peer.transport = transport;
    peer.lastHeardMs = nowMs();
    m_peers.insert(socket, peer);
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (m_peers.contains(socket))
            m_peers[socket].lastHeardMs = nowMs();
    });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { onTextMessage(socket, frame); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        if (admit(socket, QString(), true))
            sendError(socket,
                      {ErrorCode::BinaryFrame, u"Send JSON text frames, not binary ones."_s});
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    connect(socket, &QWebSocket::textFrameReceived, this,
            [this, socket](const QString &, bool isLast) { onFragment(socket, isLast); });
    connect(socket, &QWebSocket::binaryFrameReceived, this,
            [this, socket](const QByteArray &, bool isLast) { onFragment(socket, isLast); });
    const bool pingsWatched = PingWatch::watch(socket, [this, socket] { charge(socket); });
    Q_ASSERT_X(pingsWatched, "ChatRoom", "Qt's QWebSocket no longer has the ping signal");
    if (transport) {
        // After QWebSocket has handled what arrived (its connection came first): what it
        // answered by itself, pongs above all, counts against the queue like everything else.
        connect(transport, &QTcpSocket::readyRead, this, [this, socket] { keepsUp(socket, 0); });
        connect(transport, &QTcpSocket::bytesWritten, this,
                [this, socket] { m_history.serve(socket); });
    }

    if (m_closing) {
        sendAway(socket);
        return;
    }
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
    if (m_registry.nameOf(socket).isEmpty())
        m_joinDeadlines.add(socket);
}

void ChatRoom::onTextMessage(QWebSocket *socket, const QString &frame)
{
    if (admit(socket, frame))
        process(socket, frame);
}

void ChatRoom::process(QWebSocket *socket, const QString &frame)
{
    const DecodedClientPayload decoded
            = decodeClientPayload(frame, m_settings.limits.maxMessageLength);
    if (const auto *error = std::get_if<ProtocolError>(&decoded)) {
        sendError(socket, *error);
        return;
    }
    dispatch(socket, std::get<ClientPayload>(decoded));
}

bool ChatRoom::admit(QWebSocket *socket, const QString &frame, bool binary)
{
    auto peer = m_peers.find(socket);
    if (peer == m_peers.end() || peer->dropping)
        return false;
    peer->lastHeardMs = nowMs();
    const bool joined = !m_registry.nameOf(socket).isEmpty();
    // Binary frames are refused anyway: judged for the rate, never worth a place in the queue.
    switch (peer->gate.message(frame, joined, peer->lastHeardMs, !binary)) {
    case InboundGate::Verdict::Now:
        return true;
    case InboundGate::Verdict::Flooding:
        disconnectFlooder(socket);
        return false;
    case InboundGate::Verdict::WaitsFirst:
        sendError(socket,
                  {ErrorCode::RateLimited,
                   u"Slow down: at most %1 messages a second; the rest wait their turn."_s.arg(
                           m_settings.limits.messagesPerSecond)});
        break;
    case InboundGate::Verdict::Waits:
        break;
    }
    if (!m_drainTimer.isActive())
        m_drainTimer.start();
    return false;
}

void ChatRoom::drainWaiting()
{
    const qint64 now = nowMs();
    bool anyLeft = false;
    const QList<QWebSocket *> sockets = m_peers.keys();
    for (QWebSocket *socket : sockets) {
        auto peer = m_peers.find(socket);
        while (peer != m_peers.end() && !peer->dropping) {
            const std::optional<QString> frame = peer->gate.nextWaiting(now);
            if (!frame)
                break;
            process(socket, *frame);
            peer = m_peers.find(socket); // processing may have closed the connection
        }
        anyLeft = anyLeft || (peer != m_peers.end() && peer->gate.hasWaiting());
    }
    if (!anyLeft)
        m_drainTimer.stop();
}

void ChatRoom::charge(QWebSocket *socket)
{
    auto peer = m_peers.find(socket);
    if (peer == m_peers.end() || peer->dropping)
        return;
    peer->lastHeardMs = nowMs();
    switch (peer->gate.charge(peer->lastHeardMs)) {
    case InboundGate::Verdict::Flooding:
        disconnectFlooder(socket);
        break;
    case InboundGate::Verdict::WaitsFirst:
        sendError(socket, {ErrorCode::RateLimited,
                           u"Slow down: at most %1 frames a second, pings and pieces of messages "
                           "included."_s.arg(m_settings.limits.messagesPerSecond)});
        break;
    case InboundGate::Verdict::Now:
    case InboundGate::Verdict::Waits:
        break;
    }
}

void ChatRoom::onFragment(QWebSocket *socket, bool isLast)
{
    auto peer = m_peers.find(socket);
    if (peer == m_peers.end() || peer->dropping)
        return;
    if (!peer->gate.piece(isLast, nowMs())) {
        shut(socket, QWebSocketProtocol::CloseCodeTooMuchData,
             {ErrorCode::MessageTooLong,
              u"A message must come in at most %1 pieces within %2 seconds."_s
                      .arg(InboundGate::kMaxFragments)
                      .arg(InboundGate::kFragmentedMessageMs / 1000)});
        return;
    }
    if (!isLast) // the whole message is admitted as one
        charge(socket);
}

void ChatRoom::disconnectFlooder(QWebSocket *socket)
{
    qCInfo(lcHost).noquote() << "Cut off a flood from" << socket->peerAddress().toString();
    shut(socket, CloseCode::kPolicy,
         {ErrorCode::RateLimited, u"Too many messages, too fast: disconnected."_s});
}

void ChatRoom::dispatch(QWebSocket *socket, const ClientPayload &payload)
{
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
        deliver(socket, ServerEvents::welcome(boundName, m_presence.membersJson(),
                                              QDateTime::currentDateTimeUtc(), {}, m_limitsJson));
        return;
    }
    switch (payload.type) {
    case ClientPayload::Type::History:
        m_history.request(socket, payload.before, payload.after, payload.limit, m_settings.backlog);
        break;
    case ClientPayload::Type::Typing: {
        // At most one notice a second per member reaches the others.
        const qint64 now = nowMs();
        qint64 &last = m_peers[socket].lastTypingMs;
        if (now - last >= kTypingIntervalMs) {
            last = now;
            broadcast(ServerEvents::typing(boundName), socket);
        }
        break;
    }
    case ClientPayload::Type::Leave:
        m_peers[socket].leaving = true;
        socket->close(QWebSocketProtocol::CloseCodeNormal, u"goodbye"_s);
        break;
    default:
        post(socket, payload);
        break;
    }
}

void ChatRoom::onDisconnected(QWebSocket *socket)
{
    const bool saidGoodbye = m_peers.take(socket).leaving;
    // Qt 6.4 reports close code 1000 even when the TCP connection just dropped, so a goodbye
    // is an explicit "leave". Clients that never asked for a resume token (the seeds') leave
    // on any disconnect, as they always did.
    releaseMember(socket, saidGoodbye || !m_registry.isResumable(socket));
    socket->deleteLater();
}

void ChatRoom::releaseMember(QWebSocket *socket, bool leaving)
{
    const QString name = m_registry.release(socket, leaving, nowMs(), &leaving);
    if (name.isEmpty())
        return;
    if (leaving) {
        announceLeft(name);
    } else {
        m_presence.changed(name); // away
        scheduleAwayExpiry();
    }
}

void ChatRoom::announceLeft(const QString &name)
{
    qCDebug(lcHost).noquote() << name << "left";
    m_presence.left(name);
    emit memberLeft(name);
}

bool ChatRoom::join(QWebSocket *socket, const ClientPayload &request)
{
    if (!checkPassword(socket, request.password))
        return false;
    if (auto problem = Names::problemWith(request.name, m_settings.limits.maxNameLength)) {
        refuseName(socket, *problem);
        return false;
    }
    if (m_locked && !m_registry.isMember(request.name)) {
        shut(socket, CloseCode::kRoomLocked,
             {ErrorCode::RoomLocked, u"The host has locked this room: nobody new can join now."_s});
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const MemberRegistry::Claim claim = m_registry.claim(
            socket, request.name, request.resume, request.resumable, socket->peerAddress(), now);
    if (claim.outcome == MemberRegistry::Outcome::Refused) {
        refuseName(socket, claim.error);
        return false;
    }
    if (claim.replaced) {
        m_peers[claim.replaced].dropping = true;
        claim.replaced->close(QWebSocketProtocol::CloseCode(CloseCode::kReplaced),
                              errorCodeName(ErrorCode::Replaced));
    }
    if (claim.outcome == MemberRegistry::Outcome::Joined)
        m_presence.joined({claim.name, now, false});
    else
        m_presence.changed(claim.name); // back from away
    deliver(socket, ServerEvents::welcome(claim.name, m_presence.membersJson(), now,
                                          claim.resumeToken, m_limitsJson));
    // History before any live traffic: what was said before, or exactly what was missed.
    if (request.since >= 0)
        m_history.request(socket, -1, request.since, HistoryPager::kMaxPage, m_settings.backlog);
    else
        m_history.request(socket, -1, -1, m_settings.backlog, m_settings.backlog);
    qCDebug(lcHost).noquote() << claim.name
                              << (claim.outcome == MemberRegistry::Outcome::Joined
                                          ? "joined from"
                                          : "came back from")
                              << socket->peerAddress().toString();
    if (claim.outcome == MemberRegistry::Outcome::Joined)
        emit memberJoined(claim.name);
    return true;
}

bool ChatRoom::checkPassword(QWebSocket *socket, const QString &password)
{
    if (!m_password.isSet())
        return true;
    const QHostAddress address = socket->peerAddress();
    const qint64 now = nowMs();
    // A join with no password guesses nothing: it is only told one is needed.
    const qint64 wait = password.isEmpty() ? 0 : m_passwordThrottle.waitMs(address, now);
    if (wait > 0) {
        shut(socket, CloseCode::kPolicy,
             {ErrorCode::PasswordThrottled,
              u"Too many wrong passwords from your address: try again in %1 s."_s.arg((wait + 999)
                                                                                      / 1000)});
        return false;
    }
    if (m_password.matches(password) || (m_hostKey.isSet() && m_hostKey.matches(password))) {
        m_passwordThrottle.succeeded(address);
        return true;
    }
    if (password.isEmpty()) { // a first visit, not a guess
        shut(socket, CloseCode::kPolicy,
             {ErrorCode::PasswordRequired, u"This room has a password: send it to join."_s});
        return false;
    }
    emit passwordGuessed(address, m_passwordThrottle.failed(address, now));
    shut(socket, CloseCode::kPolicy,
         {ErrorCode::PasswordWrong, u"That is not the room's password."_s});
    return false;
}

void ChatRoom::post(QWebSocket *socket, const ClientPayload &payload)
{
    m_presence.flushNow(); // everyone learns who joined before reading what they say
    const QString name = m_registry.nameOf(socket);
    // A direct message goes to a member present or away (who reads it on coming back).
    const QString recipient = payload.to.isEmpty() ? QString() : m_registry.spellingOf(payload.to);
    if (!payload.to.isEmpty() && recipient.isEmpty()) {
        sendError(socket,
                  {ErrorCode::NoSuchMember,
                   u"Nobody called \"%1\" is in the room; the message was not sent."_s.arg(
                           payload.to.left(Limits::kMaxNameLength))},
                  payload.clientId);
        return;
    }
    const qint64 bytes = (name.size() + payload.message.size()) * qint64(sizeof(QChar));
    if (const auto refusal = m_storageGuard.refusal(socket->peerAddress(), bytes, nowMs())) {
        sendError(socket, *refusal, payload.clientId);
        return;
    }
    const auto appended = m_store.append(name, Names::uniquenessKey(name), payload.message,
                                         payload.clientId, QDateTime::currentDateTimeUtc(),
                                         recipient, Names::uniquenessKey(recipient));
    if (!appended) { // logged by the store
        sendError(socket,
                  {ErrorCode::StorageFailed,
                   u"The host could not store your message; it was not delivered."_s},
                  payload.clientId);
        return;
    }
    const ChatMessage message = HistoryPager::toChatMessage(appended->message);
    // A resend of a stored message is acknowledged again but never delivered twice.
    if (!appended->duplicate) {
        const QByteArray event = ServerEvents::message(message);
        if (!message.isDirect())
            broadcast(event, socket);
        else if (QWebSocket *reader = m_registry.connectionOf(recipient); reader != socket)
            deliver(reader, event); // nullptr (away) is skipped; history has it for them
        emit messagePosted(message);
    }
    deliver(socket, ServerEvents::ack(message.id, payload.clientId, message.time));
}

void ChatRoom::refuseName(QWebSocket *socket, const ProtocolError &error)
{
    shut(socket,
         error.code == ErrorCode::NameTaken ? CloseCode::kNameTaken : CloseCode::kNameInvalid,
         error);
}

void ChatRoom::shut(QWebSocket *socket, quint16 code, const ProtocolError &error)
{
    sendError(socket, error);
    // Sending may have found it too slow and closed it already; never bring it back here.
    const auto peer = m_peers.find(socket);
    if (peer != m_peers.end() && !peer->dropping)
        peer->closeWith(code, errorCodeName(error.code));
}

void ChatRoom::sendError(QWebSocket *socket, const ProtocolError &error, const QString &clientId)
{
    deliver(socket, ServerEvents::error(error, clientId));
}

void ChatRoom::deliver(QWebSocket *socket, const QByteArray &event)
{
    deliverFrame(socket, event, FrameWriter::textFrame(event));
}

void ChatRoom::deliverFrame(QWebSocket *socket, const QByteArray &event, const QByteArray &frame)
{
    if (const Peer *peer = keepsUp(socket, frame.size()))
        peer->write(event, frame);
}

Peer *ChatRoom::keepsUp(QWebSocket *socket, qint64 bytes)
{
    auto peer = m_peers.find(socket);
    if (peer == m_peers.end() || peer->dropping)
        return nullptr;
    // Qt's write buffers grow without limit: a reader that stopped reading is let go, and may
    // come back and catch up with "since".
    if (peer->unsentBytes() + bytes > queueBudget(socket)) {
        qCInfo(lcHost).noquote() << "Dropped a reader too far behind:"
                                 << socket->peerAddress().toString() << m_registry.nameOf(socket);
        peer->dropping = true; // nothing more is sent to it while the room hears it left
        releaseMember(socket, !m_registry.isResumable(socket));
        peer->closeWith(CloseCode::kTooSlow, errorCodeName(ErrorCode::TooSlow));
        return nullptr;
    }
    return &*peer;
}

qint64 ChatRoom::queueBudget(QWebSocket *socket) const
{
    return m_registry.nameOf(socket).isEmpty() ? kMaxQueuedBeforeJoining
                                               : m_settings.limits.maxQueuedBytes;
}

void ChatRoom::broadcast(const QByteArray &event, const QWebSocket *except)
{
    // Serialised and framed once; every member gets the same bytes.
    const QByteArray frame = FrameWriter::textFrame(event);
    const QList<QWebSocket *> connections = m_registry.connections();
    for (QWebSocket *member : connections) {
        if (member != except)
            deliverFrame(member, event, frame);
    }
}

void ChatRoom::expireAwayMembers()
{
    const QStringList gone = m_registry.expire(nowMs());
    for (const QString &name : gone)
        announceLeft(name);
    scheduleAwayExpiry();
}

void ChatRoom::scheduleAwayExpiry()
{
    // One timer for everyone away: a crowd dropping at once arms it once, not once each.
    const std::optional<qint64> next = m_registry.nextExpiryMs();
    if (next && !m_awayTimer.isActive())
        m_awayTimer.start(int(std::max<qint64>(0, *next - nowMs())));
}

bool ChatRoom::removeMember(const QString &name)
{
    QWebSocket *socket = m_registry.connectionOf(name);
    if (!m_registry.isMember(name))
        return false;
    if (!socket) { // away: its name is simply not kept for it any more
        announceLeft(m_registry.removeAway(name));
        return true;
    }
    releaseMember(socket, true);
    shut(socket, CloseCode::kRemoved,
         {ErrorCode::Removed, u"The host removed you from the room."_s});
    return true;
}

void ChatRoom::closeEveryone(bool ending, const QString &reason)
{
    m_closing = true;
    m_ended = ending;
    m_endReason = reason;
    const QList<QWebSocket *> sockets = m_peers.keys();
    for (QWebSocket *socket : sockets)
        sendAway(socket);
}

void ChatRoom::sendAway(QWebSocket *socket)
{
    const auto peer = m_peers.find(socket);
    if (peer == m_peers.end() || peer->dropping)
        return;
    if (m_ended)
        deliver(socket, ServerEvents::roomEnded(m_endReason));
    if (Peer *stillThere = keepsUp(socket, 0)) {
        const ErrorCode code = m_ended ? ErrorCode::RoomEnded : ErrorCode::Restarting;
        stillThere->closeWith(errorSpec(code).closeCode, errorCodeName(code));
    }
}

void ChatRoom::releaseIdleBuffers()
{
    for (const Peer &peer : std::as_const(m_peers)) {
        if (peer.transport)
            ReadBuffer::releaseIfEmpty(peer.transport);
    }
}

void ChatRoom::sweepIdle()
{
    const qint64 now = nowMs();
    // A sweep that comes late means the host itself stood still (a stalled loop, a machine
    // that slept): the peers' answers are still unread, so nobody is judged this time.
    const bool late = now - m_lastSweepMs > 2 * m_idleTimer.interval();
    m_lastSweepMs = now;
    const QList<QWebSocket *> sockets = m_peers.keys();
    for (QWebSocket *socket : sockets) {
        const auto peer = m_peers.constFind(socket);
        if (peer == m_peers.cend() || peer->dropping)
            continue; // gone while another was aborted, or being closed (on its own clock)
        if (!late && now - peer->lastHeardMs > m_settings.limits.idleTimeoutMs)
            socket->abort(); // a dead peer: no close handshake to wait for
        else
            socket->ping();
    }
}
