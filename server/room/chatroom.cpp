#include "chatroom.h"

#include "framewriter.h"
#include "hostlog.h"
#include "messagestore.h"
#include "monotonicclock.h"
#include "names.h"
#include "peeraddress.h"
#include "pingwatch.h"
#include "readbuffer.h"

#include <QtCore/QDateTime>
#include <QtCore/QPointer>
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
      m_commits(store,
                [this](const CommitGroup::Stored &stored) {
                    deliverStored(stored.sender, stored.appended, stored.clientId);
                }),
      m_settings(settings),
      m_storageGuard(settings.dataDirectory, settings.limits.minFreeDiskBytes,
                     settings.limits.storedBytesPerSecond),
      m_registry(settings.resumeGraceMs),
      m_connections(settings.limits),
      m_presence(m_registry),
      m_memberLists(m_registry, m_connections),
      m_history(store, m_commits, m_registry, m_connections, settings.limits.maxQueuedBytes),
      m_uploads(store, m_connections, settings),
      m_fileAccess(store, m_uploads.files())
{
    m_passwordCheck.setPassword(RoomPassword(settings.password));
    const HostLimits &limits = settings.limits;
    m_limitsJson = ServerEvents::limitsJson({limits.maxNameLength, limits.maxMessageLength,
                                             limits.maxMessageBytes, limits.messagesPerSecond,
                                             limits.messageBurst, HistoryPager::kMaxPage,
                                             limits.maxFileBytes});
    // Everything the room sends comes after the messages it is storing (CommitGroup).
    m_connections.setBeforeSending([this] { m_commits.flush(); });
    connect(&m_connections, &RoomConnections::frameAdmitted, this, &ChatRoom::process);
    connect(&m_connections, &RoomConnections::readyForMore, &m_history, &HistoryPager::serve);
    connect(&m_connections, &RoomConnections::fellBehind, this,
            [this](QWebSocket *socket) { releaseMember(socket, !m_registry.isResumable(socket)); });
    connect(&m_connections, &RoomConnections::disconnected, this,
            [this](QWebSocket *socket, bool saidGoodbye) {
                // Qt 6.4 reports close code 1000 even when the TCP connection just dropped, so
                // a goodbye is an explicit "leave". Clients that never asked for a resume token
                // (the seeds') leave on any disconnect, as they always did.
                releaseMember(socket, saidGoodbye || !m_registry.isResumable(socket));
            });
    connect(&m_connections, &RoomConnections::chunkReceived, this, &ChatRoom::onChunk);
    connect(&m_connections, &RoomConnections::idleBuffersReleased, this,
            &ChatRoom::idleBuffersReleased);
    connect(&m_connections, &RoomConnections::disconnected, &m_uploads, &FileUploads::disconnected);
    connect(&m_uploads, &FileUploads::fileReady, this, &ChatRoom::postFile);
    connect(&m_uploads, &FileUploads::announce, this, [this](const Events::Upload &upload) {
        const QByteArray event = ServerEvents::upload(upload);
        if (upload.to.isEmpty())
            broadcast(event, nullptr);
        else if (QWebSocket *reader = m_registry.connectionOf(upload.to))
            m_connections.deliver(reader, event);
    });
    connect(&m_presence, &PresenceBroadcaster::eventReady, this,
            [this](const QByteArray &event) { broadcast(event, nullptr); });
    connect(&m_presence, &PresenceBroadcaster::listChanged, this,
            [this] { m_memberLists.refresh(); });
    connect(&m_connections, &RoomConnections::disconnected, this, [this](QWebSocket *socket) {
        m_memberLists.forget(socket);
        forgetAwaitingAcks(socket);
    });
    m_awayTimer.setSingleShot(true);
    connect(&m_awayTimer, &QTimer::timeout, this, &ChatRoom::expireAwayMembers);
}

ChatRoom::~ChatRoom()
{
    m_commits.flush();
    m_connections.setBeforeSending({});
    // The connections are cut as they go (RoomConnections' destructor), after the parts the
    // room would update on hearing of it: it must not hear of it.
    disconnect(&m_connections, nullptr, this, nullptr);
}

void ChatRoom::addConnection(QWebSocket *socket, QTcpSocket *transport)
{
    m_connections.add(socket, transport);
    if (m_closing) {
        sendAway(socket);
        return;
    }
    // The seeds' clients name themselves in the URL: /ws?name=Ana (&since=42&resume=…).
    const QUrlQuery query(socket->requestUrl());
    if (query.hasQueryItem(u"name"_s)) {
        Requests::Join request;
        request.name = Names::normalized(query.queryItemValue(u"name"_s, QUrl::FullyDecoded));
        request.resume = query.queryItemValue(u"resume"_s, QUrl::FullyDecoded);
        request.resumable = query.hasQueryItem(u"resume"_s);
        request.since = queryNumber(query, u"since"_s);
        if (join(socket, request))
            return;
    }
    m_connections.awaitJoin(socket);
}

void ChatRoom::process(QWebSocket *socket, const QString &frame)
{
    const DecodedClientRequest decoded
            = decodeClientRequest(frame, m_settings.limits.maxMessageLength);
    if (const auto *error = std::get_if<ProtocolError>(&decoded)) {
        m_connections.sendError(socket, *error);
        return;
    }
    dispatch(socket, std::get<ClientRequest>(decoded));
}

namespace {

// The id the client gave what it sent, for an error about it.
QString clientIdOf(const ClientRequest &request)
{
    if (const auto *message = std::get_if<Requests::Message>(&request))
        return message->clientId;
    if (const auto *offer = std::get_if<Requests::FileOffer>(&request))
        return offer->clientId;
    return {};
}

} // namespace

void ChatRoom::dispatch(QWebSocket *socket, const ClientRequest &request)
{
    const QString boundName = m_registry.nameOf(socket);
    const auto *join = std::get_if<Requests::Join>(&request);
    const auto *message = std::get_if<Requests::Message>(&request);
    const QString named = join ? join->name : message ? message->name : QString();

    if (boundName.isEmpty()) {
        if (join) {
            this->join(socket, *join);
            return;
        }
        if (!message || named.isEmpty()) {
            m_connections.sendError(socket, protocolError(ErrorCode::NotJoined),
                                    clientIdOf(request));
            return;
        }
        // The seeds' way: a message that names its sender joins them, then is posted.
        Requests::Join joining;
        joining.name = named;
        if (!this->join(socket, joining, *message))
            return;
    } else if (!named.isEmpty() && Names::uniquenessKey(named) != Names::uniquenessKey(boundName)) {
        // The name is bound to the connection: nobody speaks as someone else.
        m_connections.sendError(
                socket,
                {ErrorCode::NameMismatch,
                 u"You are in this room as \"%1\"; you cannot speak as someone else."_s.arg(
                         boundName)},
                clientIdOf(request));
        return;
    } else if (join) {
        m_connections.deliver(
                socket,
                ServerEvents::welcome(boundName, m_presence.summary(),
                                      QDateTime::currentDateTimeUtc(), {}, m_limitsJson,
                                      m_fileAccess.keyFor(Names::uniquenessKey(boundName),
                                                          m_registry.memberIdOf(boundName))));
        return;
    }
    if (message) {
        post(socket, *message);
    } else if (const auto *history = std::get_if<Requests::History>(&request)) {
        m_history.request(socket, history->before, history->after, int(history->limit),
                          m_settings.backlog);
    } else if (std::holds_alternative<Requests::Typing>(request)) {
        onTyping(socket, boundName);
    } else if (const auto *offer = std::get_if<Requests::FileOffer>(&request)) {
        offerFile(socket, *offer);
    } else if (const auto *members = std::get_if<Requests::Members>(&request)) {
        m_memberLists.request(socket, *members);
    } else if (const auto *cancel = std::get_if<Requests::FileCancel>(&request)) {
        m_uploads.cancel(senderOf(socket), cancel->upload);
    } else if (std::holds_alternative<Requests::Leave>(request)) {
        if (Peer *peer = m_connections.find(socket))
            peer->leaving = true;
        socket->close(QWebSocketProtocol::CloseCodeNormal, u"goodbye"_s);
    }
}

void ChatRoom::onTyping(QWebSocket *socket, const QString &name)
{
    // At most one notice a second per member reaches the others.
    Peer *peer = m_connections.find(socket);
    const qint64 now = nowMs();
    if (!peer || now - peer->lastTypingMs < kTypingIntervalMs)
        return;
    peer->lastTypingMs = now;
    broadcast(ServerEvents::typing(name), socket);
    if (m_shared)
        m_shared->typing(name);
}

void ChatRoom::releaseMember(QWebSocket *socket, bool leaving)
{
    const QString name = m_registry.release(socket, leaving, nowMs(), &leaving);
    if (name.isEmpty())
        return;
    if (leaving) {
        leftHere(name);
    } else {
        m_presence.changed(name); // away
        holdShared(name);
        scheduleAwayExpiry();
    }
}

void ChatRoom::leftHere(const QString &name)
{
    announceLeft(name);
    if (m_shared)
        m_shared->releaseName(name); // only this host's members: the others' hosts say so
}

void ChatRoom::announceLeft(const QString &name)
{
    qCDebug(lcHost).noquote() << name << "left";
    m_fileAccess.revoke(Names::uniquenessKey(name)); // its links stop working
    m_presence.left(name);
    emit memberLeft(name);
}

bool ChatRoom::join(QWebSocket *socket, const Requests::Join &request,
                    const std::optional<Requests::Message> &then)
{
    const QHostAddress address = socket->peerAddress();
    const PasswordCheck::Screened screened
            = m_passwordCheck.screen(request.password, address, nowMs());
    switch (screened.verdict) {
    case PasswordCheck::Verdict::Passes:
        return admit(socket, request);
    case PasswordCheck::Verdict::Refused:
        refusePassword(socket, *screened.refusal);
        return false;
    case PasswordCheck::Verdict::NeedsDigest:
        break;
    }
    QPointer<QWebSocket> guarded(socket);
    const bool taken = m_passwordHasher.check(
            m_passwordCheck.password(), request.password,
            [this, guarded, request, then, address](bool matched) {
                // Counted even if the guesser hung up meanwhile: hanging up buys no retry.
                const auto refusal = m_passwordCheck.hashed(matched, address, nowMs());
                if (!guarded || !m_connections.find(guarded)
                    || !m_registry.nameOf(guarded).isEmpty())
                    return; // gone meanwhile, or in already
                if (refusal) {
                    refusePassword(guarded, *refusal);
                    return;
                }
                if (admit(guarded, request) && then)
                    post(guarded, *then); // the seeds' way: a message that joins
            });
    if (!taken) {
        m_passwordCheck.notChecked(nowMs());
        refusePassword(socket, {{ErrorCode::PasswordThrottled,
                                 u"The host is checking other passwords just now: try again in "
                                 "a few seconds."_s}});
    }
    return false;
}

bool ChatRoom::admit(QWebSocket *socket, const Requests::Join &request)
{
    if (auto problem = Names::problemWith(request.name, m_settings.limits.maxNameLength)) {
        refuseName(socket, *problem);
        return false;
    }
    if (m_locked && !m_registry.isMember(request.name)) {
        m_connections.shut(socket, CloseCode::kRoomLocked,
                           {ErrorCode::RoomLocked,
                            u"The host has locked this room: nobody new can join now."_s});
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool host = m_passwordCheck.isHostKey(request.password);
    qint64 generation = 0;
    const SharedClaim shared = claimShared(&generation, socket, request, now, host);
    if (shared == SharedClaim::Refused)
        return false;
    const MemberRegistry::Claim claim
            = m_registry.claim(socket, request.name, request.resume, request.resumable,
                               socket->peerAddress(), now, host);
    if (claim.outcome == MemberRegistry::Outcome::Refused) {
        if (m_shared && !m_registry.isMember(request.name))
            m_shared->releaseName(request.name);
        refuseName(socket, claim.error);
        return false;
    }
    m_connections.markJoined(socket);
    if (claim.replaced)
        replace(claim.replaced);
    if (generation > 0)
        m_registry.setGeneration(claim.name, generation);
    holdShared(claim.name);
    // One who was on another host of the room is back, not new.
    const bool isNew
            = claim.outcome == MemberRegistry::Outcome::Joined && shared != SharedClaim::Elsewhere;
    if (isNew)
        m_presence.joined(claim.name);
    else
        m_presence.changed(claim.name); // back from away
    m_connections.deliver(
            socket, ServerEvents::welcome(claim.name, m_presence.summary(), now, claim.resumeToken,
                                          m_limitsJson,
                                          m_fileAccess.keyFor(Names::uniquenessKey(claim.name),
                                                              m_registry.memberIdOf(claim.name))));
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
    if (isNew)
        emit memberJoined(claim.name);
    return true;
}

void ChatRoom::replace(QWebSocket *previous)
{
    if (Peer *peer = m_connections.find(previous))
        peer->dropping = true;
    previous->close(QWebSocketProtocol::CloseCode(CloseCode::kReplaced),
                    errorCodeName(ErrorCode::Replaced));
}

void ChatRoom::refusePassword(QWebSocket *socket, const PasswordCheck::Refusal &refusal)
{
    if (refusal.failures > 0)
        emit passwordGuessed(socket->peerAddress(), refusal.failures);
    m_connections.shut(socket, CloseCode::kPolicy, refusal.error);
}

void ChatRoom::refuseName(QWebSocket *socket, const ProtocolError &error)
{
    m_connections.shut(socket,
                       error.code == ErrorCode::NameTaken ? CloseCode::kNameTaken
                                                          : CloseCode::kNameInvalid,
                       error);
}

bool ChatRoom::findRecipient(QWebSocket *socket, const QString &to, const QString &clientId,
                             QString *recipient)
{
    // A direct message goes to a member present or away (who reads it on coming back).
    *recipient = to.isEmpty() ? QString() : m_registry.spellingOf(to);
    if (to.isEmpty() || !recipient->isEmpty())
        return true;
    m_connections.sendError(
            socket,
            {ErrorCode::NoSuchMember,
             u"Nobody called \"%1\" is in the room; the message was not sent."_s.arg(
                     to.left(Limits::kMaxNameLength))},
            clientId);
    return false;
}

void ChatRoom::post(QWebSocket *socket, const Requests::Message &payload)
{
    m_presence.flushNow(); // everyone learns who joined before reading what they say
    const QString name = m_registry.nameOf(socket);
    QString recipient;
    if (!findRecipient(socket, payload.to, payload.clientId, &recipient))
        return;
    const qint64 bytes = (name.size() + payload.message.size()) * qint64(sizeof(QChar));
    if (const auto refusal = m_storageGuard.refusal(socket->peerAddress(), bytes, nowMs())) {
        m_connections.sendError(socket, *refusal, payload.clientId);
        return;
    }
    const MessageStore::Direct direct = directTo(name, recipient);
    if (m_shared) {
        postShared(socket, {0,
                            name,
                            payload.message,
                            QDateTime::currentDateTimeUtc(),
                            payload.clientId,
                            recipient,
                            {},
                            direct.senderMember,
                            direct.recipientMember});
        return;
    }
    m_commits.open();
    m_commits.hold({socket,
                    m_store.append(name, Names::uniquenessKey(name), payload.message,
                                   payload.clientId, QDateTime::currentDateTimeUtc(), direct),
                    payload.clientId});
}

MessageStore::Direct ChatRoom::directTo(const QString &sender, const QString &recipient) const
{
    if (recipient.isEmpty())
        return {}; // the whole room
    return {recipient, Names::uniquenessKey(recipient), m_registry.memberIdOf(sender),
            m_registry.memberIdOf(recipient)};
}

void ChatRoom::deliverStored(QWebSocket *sender,
                             const std::optional<MessageStore::Appended> &appended,
                             const QString &clientId)
{
    if (!appended) { // logged by the store
        if (sender) {
            m_connections.sendError(
                    sender,
                    {ErrorCode::StorageFailed,
                     u"The host could not store your message; it was not delivered."_s},
                    clientId);
        }
        return;
    }
    const ChatMessage message = HistoryPager::toChatMessage(appended->message);
    // A resend of a stored message is acknowledged again but never delivered twice.
    if (!appended->duplicate) {
        const QByteArray event = ServerEvents::message(message);
        if (!message.isDirect())
            broadcast(event, sender);
        else if (QWebSocket *reader = m_registry.connectionOf(message.to); reader != sender)
            m_connections.deliver(reader, event); // not if away: history has it for them
        emit messagePosted(message);
    }
    if (sender)
        m_connections.deliver(sender,
                              ServerEvents::ack(message.id, clientId, message.time, message.file));
}

FileUploads::Sender ChatRoom::senderOf(QWebSocket *socket) const
{
    const QString name = m_registry.nameOf(socket);
    return {socket, name, Names::uniquenessKey(name), PeerAddress::plain(socket->peerAddress()),
            m_registry.memberIdOf(name)};
}

void ChatRoom::offerFile(QWebSocket *socket, const Requests::FileOffer &offer)
{
    QString recipient;
    if (findRecipient(socket, offer.to, offer.clientId, &recipient))
        m_uploads.offer(senderOf(socket), offer, directTo(m_registry.nameOf(socket), recipient));
}

void ChatRoom::onChunk(QWebSocket *socket, const QByteArray &frame)
{
    if (!m_closing)
        m_uploads.chunk(senderOf(socket), frame);
}

void ChatRoom::postFile(const UploadRecord &upload, const StoredFile &file)
{
    m_presence.flushNow();
    m_commits.open();
    m_commits.hold({m_registry.connectionOf(upload.owner),
                    m_store.append(upload.owner, upload.ownerKey, file.name, upload.clientId,
                                   QDateTime::currentDateTimeUtc(),
                                   {upload.recipient, upload.recipientKey, upload.ownerMember,
                                    upload.recipientMember},
                                   file),
                    upload.clientId});
}

void ChatRoom::broadcast(const QByteArray &event, const QWebSocket *except)
{
    m_connections.broadcast(m_registry.connections(), event, except);
}

void ChatRoom::expireAwayMembers()
{
    const QStringList gone = m_registry.expire(nowMs());
    for (const QString &name : gone)
        leftHere(name);
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
    if (m_registry.isRemote(name)) { // its own host removes it, and tells everyone
        m_shared->remove(name);
        return true;
    }
    m_registry.voidTokenOf(name); // removed: it comes back, if at all, as someone new
    if (!socket) { // away: its name is simply not kept for it any more
        leftHere(m_registry.removeAway(name));
        return true;
    }
    releaseMember(socket, true); // its resume token goes with it
    m_connections.shut(socket, CloseCode::kRemoved, protocolError(ErrorCode::Removed));
    return true;
}

void ChatRoom::closeEveryone(bool ending, const QString &reason)
{
    m_closing = true;
    m_ended = ending;
    m_endReason = reason;
    const QList<QWebSocket *> sockets = m_connections.sockets();
    for (QWebSocket *socket : sockets)
        sendAway(socket);
}

void ChatRoom::sendAway(QWebSocket *socket)
{
    if (m_ended)
        m_connections.deliver(socket, ServerEvents::roomEnded(m_endReason));
    if (Peer *stillThere = m_connections.find(socket)) { // not if that was too much for it
        const ErrorCode code = m_ended ? ErrorCode::RoomEnded : ErrorCode::Restarting;
        stillThere->closeWith(errorSpec(code).closeCode, errorCodeName(code));
    }
}

void ChatRoom::setLocked(bool locked)
{
    m_locked = locked;
    if (m_shared)
        m_shared->setLocked(locked);
}
