#include "roomconnections.h"

#include "batchedtcpsocket.h"
#include "clientrequest.h"
#include "framewriter.h"
#include "hostlog.h"
#include "monotonicclock.h"
#include "pingwatch.h"
#include "readbuffer.h"
#include "serverevent.h"

#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;
using namespace Tertulia;
using MonotonicClock::nowMs;

RoomConnections::RoomConnections(const HostLimits &limits, QObject *parent)
    : QObject(parent), m_limits(limits), m_joinDeadlines(limits.joinTimeoutMs, [this](QObject *o) {
          auto *socket = static_cast<QWebSocket *>(o);
          if (const Peer *peer = find(socket); peer && !peer->joined) {
              shut(socket, CloseCode::kJoinTimeout, protocolError(ErrorCode::JoinTimeout));
          }
      })
{
    m_drainTimer.setInterval(kDrainIntervalMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &RoomConnections::drainWaiting);
    // Pings twice per idle period: a live peer answers (browsers do it by themselves).
    m_idleTimer.setInterval(std::max(1, limits.idleTimeoutMs / 2));
    connect(&m_idleTimer, &QTimer::timeout, this, &RoomConnections::sweepIdle);
    m_idleTimer.start();
    m_lastSweepMs = nowMs();
}

RoomConnections::~RoomConnections()
{
    const QList<QWebSocket *> open = sockets(); // aborting one takes it out of the table
    for (QWebSocket *socket : open) {
        if (find(socket))
            socket->abort();
    }
}

void RoomConnections::add(QWebSocket *socket, QTcpSocket *transport)
{
    socket->setParent(this);
    Peer peer;
    peer.socket = socket;
    peer.transport = transport;
    peer.batched = qobject_cast<BatchedTcpSocket *>(transport);
    peer.gate = InboundGate(m_limits.messagesPerSecond, m_limits.messageBurst);
    peer.lastHeardMs = nowMs();
    m_peers.insert(socket, peer);
    if (peer.batched) {
        // RFC 6455 broken in a way Qt 6.4 lets pass (ClientFrameGuard): closed with its code.
        connect(peer.batched, &BatchedTcpSocket::framesRefused, this,
                [this, socket](quint16 code, const QString &reason) {
                    if (Peer *refused = find(socket)) {
                        qCInfo(lcHost).noquote()
                                << "Closed a connection that broke the WebSocket protocol:"
                                << socket->peerAddress().toString() << reason;
                        refused->closeWith(code, reason);
                    }
                });
    }
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (Peer *peer = find(socket))
            peer->lastHeardMs = nowMs();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &frame) {
        if (tooLarge(frame)) {
            shut(socket, CloseCode::kTooBig,
                 {ErrorCode::MessageTooLong,
                  u"A message can be at most %1 bytes."_s.arg(m_limits.maxMessageBytes)});
            return;
        }
        if (admit(socket, frame))
            emit frameAdmitted(socket, frame);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket](const QByteArray &frame) {
                Peer *peer = find(socket);
                if (!peer)
                    return;
                peer->lastHeardMs = nowMs();
                if (peer->joined && frame.size() > FileChunk::kHeaderBytes) {
                    emit chunkReceived(socket, frame);
                    return;
                }
                refuseBinary(socket,
                             {ErrorCode::BinaryFrame,
                              u"Send JSON text frames; binary ones carry only pieces of files."_s});
            });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    connect(socket, &QWebSocket::textFrameReceived, this,
            [this, socket](const QString &, bool isLast) { onFragment(socket, isLast, false); });
    connect(socket, &QWebSocket::binaryFrameReceived, this,
            [this, socket](const QByteArray &, bool isLast) { onFragment(socket, isLast, true); });
    const bool pingsWatched = PingWatch::watch(socket, [this, socket] { charge(socket); });
    Q_ASSERT_X(pingsWatched, "RoomConnections", "Qt's QWebSocket no longer has the ping signal");
    if (transport) {
        // After QWebSocket has handled what arrived (its connection came first): what it
        // answered by itself, pongs above all, counts against the queue like everything else.
        connect(transport, &QTcpSocket::readyRead, this, [this, socket] { keepsUp(socket, 0); });
        // Nobody on the host listens to QWebSocket::bytesWritten, and forwarding it cost a
        // signal per member per pass; watchDrain() listens to the socket when it matters.
        disconnect(transport, &QTcpSocket::bytesWritten, socket, &QWebSocket::bytesWritten);
        if (peer.batched)
            peer.batched->setReportsWrites(false);
    }
}

void RoomConnections::watchDrain(QWebSocket *socket)
{
    Peer *peer = find(socket);
    if (!peer || !peer->transport || peer->drainWatched)
        return;
    peer->drainWatched = true;
    if (peer->batched)
        peer->batched->setReportsWrites(true); // the pass's end must say what it sent
    connect(
            peer->transport, &QTcpSocket::bytesWritten, this,
            [this, socket] {
                if (Peer *drained = find(socket)) {
                    drained->drainWatched = false;
                    if (drained->batched)
                        drained->batched->setReportsWrites(false);
                    emit readyForMore(socket);
                }
            },
            Qt::SingleShotConnection);
}

void RoomConnections::awaitJoin(QWebSocket *socket)
{
    m_joinDeadlines.add(socket);
}

void RoomConnections::markJoined(QWebSocket *socket)
{
    if (Peer *peer = find(socket))
        peer->joined = true;
}

Peer *RoomConnections::find(QWebSocket *socket)
{
    const auto peer = m_peers.find(socket);
    return peer == m_peers.end() || peer->dropping ? nullptr : &*peer;
}

bool RoomConnections::admit(QWebSocket *socket, const QString &frame)
{
    Peer *peer = find(socket);
    if (!peer)
        return false;
    peer->lastHeardMs = nowMs();
    if (judge(socket, peer->gate.message(frame, peer->joined, peer->lastHeardMs),
              Counted::Messages))
        return true;
    if (!m_drainTimer.isActive()) // what waits goes in its turn (nothing, if it was cut off)
        m_drainTimer.start();
    return false;
}

bool RoomConnections::judge(QWebSocket *socket, InboundGate::Verdict verdict, Counted counted)
{
    switch (verdict) {
    case InboundGate::Verdict::Now:
        return true;
    case InboundGate::Verdict::Flooding:
        disconnectFlooder(socket);
        return false;
    case InboundGate::Verdict::WaitsFirst:
        sendError(socket, {ErrorCode::RateLimited, slowDownText(counted)});
        return false;
    case InboundGate::Verdict::Waits:
        return false;
    }
    return false;
}

bool RoomConnections::tooLarge(const QString &frame) const
{
    // The socket takes frames as large as a piece of a file; text stays within its own limit.
    const qint64 limit = m_limits.maxMessageBytes;
    return frame.size() > limit || (frame.size() * 3 > limit && frame.toUtf8().size() > limit);
}

void RoomConnections::refuseBinary(QWebSocket *socket, const ProtocolError &error)
{
    if (charge(socket))
        sendError(socket, error);
}

void RoomConnections::drainWaiting()
{
    const qint64 now = nowMs();
    bool anyLeft = false;
    const QList<QWebSocket *> open = sockets();
    for (QWebSocket *socket : open) {
        Peer *peer = find(socket);
        while (peer) {
            const std::optional<QString> frame = peer->gate.nextWaiting(now);
            if (!frame)
                break;
            emit frameAdmitted(socket, *frame);
            peer = find(socket); // handling it may have closed the connection
        }
        anyLeft = anyLeft || (peer && peer->gate.hasWaiting());
    }
    if (!anyLeft)
        m_drainTimer.stop();
}

bool RoomConnections::charge(QWebSocket *socket)
{
    Peer *peer = find(socket);
    if (!peer)
        return false;
    peer->lastHeardMs = nowMs();
    return judge(socket, peer->gate.charge(peer->lastHeardMs), Counted::Frames);
}

QString RoomConnections::slowDownText(Counted counted) const
{
    if (counted == Counted::Messages) {
        return u"Slow down: at most %1 messages a second; the rest wait their turn."_s.arg(
                m_limits.messagesPerSecond);
    }
    return u"Slow down: at most %1 frames a second, pings, pieces of messages and stray "
           "binary frames included."_s.arg(m_limits.messagesPerSecond);
}

void RoomConnections::onFragment(QWebSocket *socket, bool isLast, bool binary)
{
    Peer *peer = find(socket);
    if (!peer)
        return;
    if (!peer->gate.piece(isLast, nowMs())) {
        shut(socket, QWebSocketProtocol::CloseCodeTooMuchData,
             {ErrorCode::MessageTooLong,
              u"A message must come in at most %1 pieces within %2 seconds."_s
                      .arg(InboundGate::kMaxFragments)
                      .arg(InboundGate::kFragmentedMessageMs / 1000)});
        return;
    }
    // The whole message is admitted as one. A member's binary message is a piece of a file,
    // which Chromium sends in several frames: paced by its acknowledgements, not the rate.
    if (!isLast && !(binary && peer->joined))
        charge(socket);
}

void RoomConnections::disconnectFlooder(QWebSocket *socket)
{
    qCInfo(lcHost).noquote() << "Cut off a flood from" << socket->peerAddress().toString();
    shut(socket, CloseCode::kPolicy,
         {ErrorCode::RateLimited, u"Too many messages, too fast: disconnected."_s});
}

void RoomConnections::onDisconnected(QWebSocket *socket)
{
    const bool saidGoodbye = m_peers.take(socket).leaving;
    emit disconnected(socket, saidGoodbye);
    socket->deleteLater();
}

void RoomConnections::shut(QWebSocket *socket, quint16 code, const ProtocolError &error)
{
    sendError(socket, error);
    // Sending may have found it too slow and closed it already; never bring it back here.
    if (Peer *peer = find(socket))
        peer->closeWith(code, errorCodeName(error.code));
}

void RoomConnections::sendError(QWebSocket *socket, const ProtocolError &error,
                                const QString &clientId)
{
    deliver(socket, ServerEvents::error(error, clientId));
}

void RoomConnections::deliver(QWebSocket *socket, const QByteArray &event)
{
    if (m_beforeSending)
        m_beforeSending();
    deliverFrame(socket, event, FrameWriter::textFrame(event));
}

void RoomConnections::broadcast(const QList<QWebSocket *> &recipients, const QByteArray &event,
                                const QWebSocket *except)
{
    if (m_beforeSending)
        m_beforeSending();
    const QByteArray frame = FrameWriter::textFrame(event);
    for (QWebSocket *recipient : recipients) {
        if (recipient != except)
            deliverFrame(recipient, event, frame);
    }
}

void RoomConnections::deliverFrame(QWebSocket *socket, const QByteArray &event,
                                   const QByteArray &frame)
{
    if (const Peer *peer = keepsUp(socket, frame.size()))
        peer->write(event, frame);
}

Peer *RoomConnections::keepsUp(QWebSocket *socket, qint64 bytes)
{
    Peer *peer = find(socket);
    if (!peer)
        return nullptr;
    // What waits for a reader would grow without limit: a reader that stopped reading is let
    // go, and may come back and catch up with "since". While the kernel refuses more, its send
    // buffer is full: that (twice SO_SNDBUF) counts as unread too, without asking the kernel.
    const qint64 budget = peer->joined ? m_limits.maxQueuedBytes : kMaxQueuedBeforeJoining;
    const qint64 inKernel = peer->kernelIsFull() ? 2 * qint64(m_limits.chatSendBufferBytes) : 0;
    if (peer->unsentBytes() + inKernel + bytes <= budget)
        return peer;
    qCInfo(lcHost).noquote() << "Dropped a reader too far behind:"
                             << socket->peerAddress().toString();
    peer->dropping = true; // nothing more is sent to it while the room hears it left
    emit fellBehind(socket);
    peer->closeWith(CloseCode::kTooSlow, errorCodeName(ErrorCode::TooSlow));
    return nullptr;
}

void RoomConnections::releaseIdleBuffers()
{
    if (!m_toRelease.isEmpty())
        return; // the last round is still going
    m_toRelease = sockets();
    releaseSome();
}

void RoomConnections::releaseSome()
{
    // A slice per pass of the event loop: 10 000 members in one go held it for 9–11 ms.
    constexpr int kSlice = 500;
    for (int i = 0; i < kSlice && !m_toRelease.isEmpty(); ++i) {
        const Peer *peer = find(m_toRelease.takeLast()); // a pointer to compare, not to follow
        if (peer && peer->transport)
            ReadBuffer::releaseIfEmpty(peer->transport);
    }
    if (!m_toRelease.isEmpty())
        QTimer::singleShot(0, this, &RoomConnections::releaseSome);
    else
        emit idleBuffersReleased();
}

void RoomConnections::sweepIdle()
{
    const qint64 now = nowMs();
    // A sweep that comes late means the host itself stood still (a stalled loop, a machine
    // that slept): the peers' answers are still unread, so nobody is judged this time.
    const bool late = now - m_lastSweepMs > 2 * m_idleTimer.interval();
    m_lastSweepMs = now;
    const QList<QWebSocket *> open = sockets();
    for (QWebSocket *socket : open) {
        const Peer *peer = find(socket);
        if (!peer)
            continue; // gone while another was aborted, or being closed (on its own clock)
        if (!late && now - peer->lastHeardMs > m_limits.idleTimeoutMs)
            socket->abort(); // a dead peer: no close handshake to wait for
        else
            socket->ping();
    }
}
