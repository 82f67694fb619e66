#pragma once

#include "inboundgate.h"

#include <QtCore/QQueue>

class BatchedTcpSocket;
class QTcpSocket;
class QWebSocket;

// One open connection as the room sees it, joined or not: what it may send and what waits its
// turn, where its events are written, what history it waits for, and whether the host is
// closing it. Holds the socket, does not own it (the room does).
struct Peer
{
    struct HistoryRequest
    {
        qint64 before = -1;
        qint64 after = -1;
        int limit = 0;
    };

    // What is written to the connection and not yet sent (by the room and by Qt).
    qint64 unsentBytes() const;
    bool kernelIsFull() const; // its send buffer held all it takes, the rest waits in Qt's
    // event: the JSON; frame: the same, framed by FrameWriter (shared by every recipient).
    void write(const QByteArray &event, const QByteArray &frame) const;
    // Closes so that the other side reads why (ConnectionCloser); sends nothing from then on.
    void closeWith(quint16 code, const QString &reason);

    QWebSocket *socket = nullptr;
    QTcpSocket *transport = nullptr; // the connection under the WebSocket, if known
    BatchedTcpSocket *batched = nullptr; // the same, if it gathers what a pass writes (not TLS)
    InboundGate gate; // what it may send, and what waits its turn
    QQueue<HistoryRequest> pendingHistory; // pages asked for, waiting for room
    bool historyRetryScheduled = false;
    bool drainWatched = false; // readyForMore() is due when its queue drains (watchDrain)
    qint64 lastHeardMs = 0;
    qint64 lastTypingMs = 0;
    bool joined = false; // has a name in the room: a member's queue budget, no join deadline
    bool dropping = false; // being closed by the host; sends nothing more
    bool leaving = false; // said goodbye: leaves at once instead of going away
};
