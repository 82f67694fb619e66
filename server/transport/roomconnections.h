#pragma once

#include "deadlinequeue.h"
#include "errorcode.h"
#include "hostsettings.h"
#include "peer.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>

class QTcpSocket;
class QWebSocket;

// Every open connection of the room, joined or not, and what crossing its wire may cost: what
// each sends is admitted at the room's rate (the rest waits its turn; flooders are cut off),
// the silent and those who never join are dropped, events are written within each reader's
// queue budget (a reader too far behind is let go), and connections are closed so the other
// side reads why. Hands what it admits to the room. Owns the sockets it is given.
class RoomConnections final : public QObject
{
    Q_OBJECT

public:
    // Unsent bytes a connection that has not joined may hold (pongs, errors) before it is cut.
    static constexpr qint64 kMaxQueuedBeforeJoining = 64 * 1024;
    static constexpr int kDrainIntervalMs = 20;

    explicit RoomConnections(const HostLimits &limits, QObject *parent = nullptr);
    // Cuts whatever is still open: Qt's QWebSocket would otherwise close it with 1001, which
    // clients read as "the room ended".
    ~RoomConnections() override;

    // transport: the TCP connection under the WebSocket (nullptr if unknown): events are
    // framed here and written to it directly (FrameWriter).
    void add(QWebSocket *socket, QTcpSocket *transport);
    // Not joined on connecting: cut (4005) unless it joins within the join timeout. Only
    // these enter the deadline queue, so a crowd naming itself in the URL costs it nothing.
    void awaitJoin(QWebSocket *socket);
    // Joined: a member's queue budget (a pending join deadline then does nothing).
    void markJoined(QWebSocket *socket);
    // The connection, if it is open and not being closed.
    Peer *find(QWebSocket *socket);
    int count() const { return int(m_peers.size()); }
    QList<QWebSocket *> sockets() const { return m_peers.keys(); }

    // Runs before anything is sent to anyone (the room lets out the messages it is storing).
    void setBeforeSending(std::function<void()> step) { m_beforeSending = std::move(step); }
    void deliver(QWebSocket *socket, const QByteArray &event); // UTF-8 JSON
    // To every one of `recipients` but `except`, framed once: they all get the same bytes.
    void broadcast(const QList<QWebSocket *> &recipients, const QByteArray &event,
                   const QWebSocket *except);
    void sendError(QWebSocket *socket, const Tertulia::ProtocolError &error,
                   const QString &clientId = {});
    // A binary frame that carries no piece of an upload: refused, saying why, within the rate;
    // over it, a strike like a ping's, and a stream of them is cut off as a flood.
    void refuseBinary(QWebSocket *socket, const Tertulia::ProtocolError &error);
    // A binary frame of no use (a piece at the wrong offset), charged the same way; false if
    // it was over the rate.
    bool admitStray(QWebSocket *socket) { return charge(socket); }
    // Says why, then closes.
    void shut(QWebSocket *socket, quint16 code, const Tertulia::ProtocolError &error);
    // readyForMore() once some of what waits in its queue has gone out (once per call).
    void watchDrain(QWebSocket *socket);
    // Hands back the read buffers of connections with nothing waiting in them (ReadBuffer).
    void releaseIdleBuffers();

signals:
    void idleBuffersReleased(); // the round releaseIdleBuffers() began is done
    // A text message to handle now: within the rate, or its turn came after waiting.
    void frameAdmitted(QWebSocket *socket, const QString &frame);
    // A binary frame from a member that may be a piece of an upload (FileChunk); uploads are
    // paced by their acknowledgements and the upload rate, not by the message rate.
    void chunkReceived(QWebSocket *socket, const QByteArray &frame);
    // Too far behind reading: it is being closed (4004) and nothing more is sent to it.
    void fellBehind(QWebSocket *socket);
    // Its queue drained some since watchDrain(): it can take more (a history page waiting).
    void readyForMore(QWebSocket *socket);
    // Gone; the socket is deleted later. saidGoodbye: it sent "leave" before closing.
    void disconnected(QWebSocket *socket, bool saidGoodbye);

private:
    void releaseSome(); // the next slice of releaseIdleBuffers()
    bool admit(QWebSocket *socket, const QString &frame); // a text frame, at the rate
    enum class Counted { Messages, Frames }; // what the rate was counting
    // What an over-the-rate verdict costs: said at the first (slow down), cut off when
    // flooding. True if the frame is within the rate.
    bool judge(QWebSocket *socket, InboundGate::Verdict verdict, Counted counted);
    QString slowDownText(Counted counted) const; // written only when said: most frames pass
    bool tooLarge(const QString &frame) const; // over the host's message bytes
    // Pings, pieces of a message, stray binary frames: over the rate they cannot wait, so they
    // count as strikes (32 in a row: cut off). True if within the rate.
    bool charge(QWebSocket *socket);
    void onFragment(QWebSocket *socket, bool isLast, bool binary);
    void onDisconnected(QWebSocket *socket);
    void disconnectFlooder(QWebSocket *socket);
    void drainWaiting();
    void deliverFrame(QWebSocket *socket, const QByteArray &event, const QByteArray &frame);
    // The peer, if it can take `bytes` more; a reader too far behind is dropped (nullptr).
    Peer *keepsUp(QWebSocket *socket, qint64 bytes);
    void sweepIdle();

    HostLimits m_limits;
    std::function<void()> m_beforeSending;
    QHash<QWebSocket *, Peer> m_peers;
    QList<QWebSocket *> m_toRelease; // the round of releaseIdleBuffers() still going
    DeadlineQueue m_joinDeadlines; // connections that must have joined by then
    QTimer m_drainTimer;
    QTimer m_idleTimer;
    qint64 m_lastSweepMs = 0;
};
