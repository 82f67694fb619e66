#include "batchedtcpsocket.h"

#include "clientframeguard.h"
#include "sendring.h"

#include <QtCore/QAbstractEventDispatcher>

#include <algorithm>
#include <vector>

#include <climits>
#include <cstring>

#include <sys/socket.h>
#include <sys/uio.h>

namespace {

// The connections of this thread with something gathered, in the order they first wrote; all
// are sent by one queued call, which runs once the current pass has handled everything ready.
thread_local std::vector<BatchedTcpSocket *> tGathered;
thread_local std::vector<BatchedTcpSocket *> tSending; // the list sendGathered() works through

void forget(std::vector<BatchedTcpSocket *> &list, BatchedTcpSocket *socket)
{
    if (!list.empty())
        std::replace(list.begin(), list.end(), socket, static_cast<BatchedTcpSocket *>(nullptr));
}

iovec asIovec(const QByteArray &piece)
{
    return {const_cast<char *>(piece.constData()), size_t(piece.size())}; // only read from
}

} // namespace

BatchedTcpSocket::BatchedTcpSocket(QObject *parent) : QTcpSocket(parent) { }

BatchedTcpSocket::~BatchedTcpSocket()
{
    // Listed while it has something gathered, or after sending it early (close); the lists are
    // short outside a pass's end, when deferred deletions run.
    forget(tGathered, this);
    forget(tSending, this);
}

qint64 BatchedTcpSocket::bytesToWrite() const
{
    return m_outboxBytes + m_backlogBytes + (m_qtMayHold ? QTcpSocket::bytesToWrite() : 0);
}

bool BatchedTcpSocket::kernelRefused() const
{
    return !m_backlog.isEmpty() || (m_qtMayHold && QTcpSocket::bytesToWrite() > 0);
}

void BatchedTcpSocket::disconnectFromHost()
{
    sendOutbox(); // Qt closes once its own buffer is empty: ours goes first
    handBacklogToQt();
    QTcpSocket::disconnectFromHost();
}

void BatchedTcpSocket::close()
{
    sendOutbox();
    // Qt's abort() comes here with its buffer gone, and a close drops what is unsent anyway
    // (disconnectFromHost() is the way that sends it first).
    dropBacklog();
    m_guarded = QByteArray();
    m_guardedRead = 0;
    QTcpSocket::close();
}

bool BatchedTcpSocket::waitForBytesWritten(int msecs)
{
    sendOutbox();
    handBacklogToQt();
    return QTcpSocket::waitForBytesWritten(msecs);
}

void BatchedTcpSocket::closeWriting()
{
    if (m_writingClosed)
        return;
    m_writingClosed = true;
    m_reportsWrites = true; // the backlog's last send must be heard of
    sendOutbox();
    if (bytesToWrite() == 0) {
        shutDownWriting();
        return;
    }
    // Connected after the backlog's watch, if there is one: by the time this hears that Qt's
    // part is out, the backlog waits in the outbox and is counted.
    connect(this, &QTcpSocket::bytesWritten, this, [this] {
        if (bytesToWrite() == 0)
            shutDownWriting();
    });
}

void BatchedTcpSocket::shutDownWriting()
{
    if (state() == ConnectedState)
        ::shutdown(int(socketDescriptor()), SHUT_WR);
}

bool BatchedTcpSocket::gathers(qint64 size)
{
    if (state() != ConnectedState || size <= 0)
        return false;
    if (m_outboxBytes == 0) {
        if (tGathered.empty()) {
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            if (!dispatcher)
                return false;
            QMetaObject::invokeMethod(dispatcher, &BatchedTcpSocket::sendGathered,
                                      Qt::QueuedConnection);
        }
        tGathered.push_back(this);
    }
    m_outboxBytes += size;
    return true;
}

void BatchedTcpSocket::guardFramesAfterHandshake(qint64 largestTextFrame)
{
    m_guardPending = true;
    m_guardLargestText = largestTextFrame;
}

qint64 BatchedTcpSocket::bytesAvailable() const
{
    if (!m_guard)
        return QTcpSocket::bytesAvailable();
    if (!isReadable())
        return 0; // closed: nothing can be read (QIODevice::read refuses), whatever was left
    const_cast<BatchedTcpSocket *>(this)->takeInput(); // QIODevice's one way to be asked
    return m_guarded.size() - m_guardedRead;
}

void BatchedTcpSocket::takeInput()
{
    const qint64 raw = QTcpSocket::bytesAvailable(); // Qt's buffer: only what the kernel gave
    if (raw <= 0)
        return;
    m_takingInput = true;
    const QByteArray input = QIODevice::read(raw); // the buffer's chunk itself, when it is one
    m_takingInput = false;
    if (m_guardedRead > 0) {
        m_guarded.remove(0, m_guardedRead);
        m_guardedRead = 0;
    }
    const bool refusedBefore = m_guard->violated();
    m_guard->feed(input, m_guarded);
    if (!refusedBefore && m_guard->violated()) {
        QMetaObject::invokeMethod(
                this,
                [this, code = m_guard->closeCode(), reason = m_guard->closeReason()] {
                    emit framesRefused(code, reason);
                },
                Qt::QueuedConnection);
    }
}

qint64 BatchedTcpSocket::readData(char *data, qint64 maxSize)
{
    if (!m_guard || m_takingInput)
        return QTcpSocket::readData(data, maxSize);
    // QIODevice::read comes here once Qt's buffer is empty, which bytesAvailable() made it.
    const qint64 count = std::min<qint64>(maxSize, m_guarded.size() - m_guardedRead);
    if (count <= 0)
        return state() == ConnectedState ? 0 : -1;
    memcpy(data, m_guarded.constData() + m_guardedRead, size_t(count));
    m_guardedRead += count;
    if (m_guardedRead == m_guarded.size()) {
        m_guarded = QByteArray(); // an idle member holds no input
        m_guardedRead = 0;
    }
    return count;
}

qint64 BatchedTcpSocket::writeData(const char *data, qint64 size)
{
    if (m_guardPending) {
        // The handshake's answer: its request has been read (skipped past) by now, and
        // QWebSocket reads the frames after it through the guard, never straight from Qt's
        // buffer (Unbuffered: QIODevice::read asks readData once that buffer is empty).
        m_guardPending = false;
        m_guard = std::make_unique<ClientFrameGuard>(m_guardLargestText);
        setOpenMode(openMode() | QIODevice::Unbuffered);
    }
    if (m_passingToQt)
        return QTcpSocket::writeData(data, size);
    if (m_writingClosed)
        return size; // the connection's last byte is already decided: nothing can follow it
    if (!gathers(size)) {
        m_qtMayHold = true;
        return QTcpSocket::writeData(data, size);
    }
    if (m_lastPieceOwned)
        m_outbox.last().append(data, size);
    else
        m_outbox.append(QByteArray(data, size));
    m_lastPieceOwned = true;
    return size;
}

void BatchedTcpSocket::writeShared(const QByteArray &bytes)
{
    if (m_writingClosed)
        return;
    if (!gathers(bytes.size())) {
        write(bytes);
        return;
    }
    m_outbox.append(bytes);
    m_lastPieceOwned = false;
}

void BatchedTcpSocket::sendGathered()
{
    tSending = std::exchange(tGathered, {});
    if (SendRing *ring = SendRing::forThisThread())
        sendThroughRing(*ring);
    // By index: sending may emit bytesWritten, whose handlers may write again (gathered for
    // the next pass) or delete a connection (its entry here becomes nullptr).
    for (size_t i = 0; i < tSending.size(); ++i) {
        if (BatchedTcpSocket *socket = tSending[i])
            socket->sendOutbox();
    }
    tSending.clear();
}

void BatchedTcpSocket::sendThroughRing(SendRing &ring)
{
    // Everything is sent, then settled (what the kernel did not take goes to Qt, the outbox
    // is emptied), and only then is anyone told: a handler that closes a connection must find
    // its outbox already sent, not send it twice.
    thread_local std::vector<SendRing::Send> sends;
    thread_local std::vector<iovec> pieces;
    thread_local std::vector<size_t> senders; // the tSending index of each send
    sends.clear();
    pieces.clear();
    senders.clear();
    for (size_t i = 0; i < tSending.size(); ++i) {
        // A connection is listed twice if it sent early (waitForBytesWritten) and wrote again:
        // its outbox goes once, from its first entry.
        BatchedTcpSocket *socket = tSending[i];
        if (socket && !socket->m_inRing && !socket->m_outbox.isEmpty()
            && socket->m_outbox.size() <= IOV_MAX && socket->canSendDirectly()) {
            socket->m_inRing = true;
            for (const QByteArray &piece : std::as_const(socket->m_outbox))
                pieces.push_back(asIovec(piece));
            sends.push_back(
                    {int(socket->socketDescriptor()), nullptr, int(socket->m_outbox.size()), 0});
            senders.push_back(i);
        }
    }
    if (sends.empty())
        return;
    size_t next = 0; // pieces may have moved while they were gathered: pointed at only now
    for (SendRing::Send &send : sends) {
        send.pieces = pieces.data() + next;
        next += size_t(send.count);
    }
    ring.sendAll(sends);
    for (size_t k = 0; k < sends.size(); ++k) {
        BatchedTcpSocket *socket = tSending[senders[k]];
        socket->m_inRing = false;
        socket->settle(0, std::max<qint64>(0, sends[k].result));
    }
    for (size_t k = 0; k < sends.size(); ++k) {
        if (BatchedTcpSocket *socket = tSending[senders[k]])
            socket->reportWritten(sends[k].result);
    }
    // A burst can list a hundred pieces for each of a thousand members: megabytes an idle
    // host would keep. What a usual pass needs is kept.
    constexpr size_t kKept = 4096;
    if (pieces.capacity() > kKept) {
        std::vector<iovec>().swap(pieces);
        std::vector<SendRing::Send>().swap(sends);
        std::vector<size_t>().swap(senders);
    }
}

bool BatchedTcpSocket::canSendDirectly()
{
    return state() == ConnectedState && m_backlog.isEmpty() && qtHoldsNothing();
}

void BatchedTcpSocket::sendOutbox()
{
    if (m_outbox.isEmpty())
        return; // sent early (close) or through the ring, or nothing written since
    if (!canSendDirectly()) {
        settle(0, 0); // behind what waits already (or to Qt's buffer, if not connected)
        return;
    }
    // One piece (most passes: the room's frame) by send(), which the kernel takes with less
    // work than sendmsg(); several by one sendmsg per up to IOV_MAX pieces, as long as the
    // kernel takes all it is given.
    const int descriptor = int(socketDescriptor());
    qint64 sent = 0;
    qsizetype first = 0;
    for (;;) {
        iovec pieces[IOV_MAX];
        const qsizetype count = std::min<qsizetype>(m_outbox.size() - first, IOV_MAX);
        qint64 offered = 0;
        for (qsizetype i = 0; i < count; ++i) {
            const QByteArray &piece = m_outbox.at(first + i);
            pieces[i] = asIovec(piece);
            offered += piece.size();
        }
        ssize_t result;
        if (count == 1) {
            result = ::send(descriptor, pieces[0].iov_base, pieces[0].iov_len,
                            MSG_DONTWAIT | MSG_NOSIGNAL);
        } else {
            msghdr message{};
            message.msg_iov = pieces;
            message.msg_iovlen = size_t(count);
            result = ::sendmsg(descriptor, &message, MSG_DONTWAIT | MSG_NOSIGNAL);
        }
        const qint64 taken = std::max<qint64>(0, result); // refused: Qt tries and reports
        if (taken < offered || first + count == m_outbox.size()) {
            settle(first, taken);
            reportWritten(sent + taken);
            return;
        }
        sent += taken;
        first += count;
    }
}

void BatchedTcpSocket::settle(qsizetype first, qint64 taken)
{
    // Past the pieces the kernel took whole. The rest, from within the next one, waits in
    // order: the piece the kernel stopped in goes to Qt's buffer (whose write notifier hears
    // when the reader takes more), the pieces after it to the backlog, by reference. While
    // something waits already, everything goes behind it.
    qint64 skip = taken;
    while (first < m_outbox.size() && skip >= m_outbox.at(first).size()) {
        skip -= m_outbox.at(first).size();
        ++first;
    }
    const bool connected = state() == ConnectedState;
    for (qsizetype i = first; i < m_outbox.size(); ++i) {
        const QByteArray &piece = m_outbox.at(i);
        if (skip > 0) {
            handToQt(piece.constData() + skip, piece.size() - skip); // only the part not sent
        } else if (!connected || (m_backlog.isEmpty() && qtHoldsNothing())) {
            handToQt(piece);
        } else {
            m_backlog.append(piece);
            m_backlogBytes += piece.size();
        }
        skip = 0;
    }
    if (!m_backlog.isEmpty() && !m_drainWatch)
        m_drainWatch
                = connect(this, &QTcpSocket::bytesWritten, this, &BatchedTcpSocket::resumeBacklog);
    // An idle connection holds nothing: the pieces (and the shared frames) are let go here,
    // before anyone hears of it and writes again.
    if (m_outbox.capacity() > kInlinePieces) {
        m_outbox.clear();
        m_outbox.squeeze();
    } else {
        while (!m_outbox.isEmpty())
            m_outbox.removeLast(); // Qt 6.4's clear() goes through a reallocation
    }
    m_outboxBytes = 0;
    m_lastPieceOwned = false;
}

void BatchedTcpSocket::reportWritten(qint64 bytes)
{
    if (bytes > 0 && m_reportsWrites)
        emit bytesWritten(bytes);
}

void BatchedTcpSocket::handToQt(const char *data, qint64 size)
{
    m_qtMayHold = true;
    QTcpSocket::writeData(data, size);
}

void BatchedTcpSocket::handToQt(const QByteArray &piece)
{
    // Through QIODevice::write(QByteArray), which Qt's buffer keeps by reference when the
    // piece is large enough (Qt 6's write-chunk cache), instead of copying it.
    m_qtMayHold = true;
    m_passingToQt = true;
    QIODevice::write(piece);
    m_passingToQt = false;
}

void BatchedTcpSocket::resumeBacklog()
{
    if (m_backlog.isEmpty() || !qtHoldsNothing())
        return; // Qt sent part of its piece: the notifier calls again
    disconnect(m_drainWatch);
    m_drainWatch = {};
    QList<QByteArray> backlog = std::exchange(m_backlog, {});
    const qint64 bytes = std::exchange(m_backlogBytes, 0);
    if (!gathers(bytes)) { // no longer connected: Qt decides what happens to it
        for (const QByteArray &piece : std::as_const(backlog))
            handToQt(piece);
        return;
    }
    // Older than anything gathered in this pass: it goes first. (Not by QVarLengthArray's
    // move assignment, which leaks the heap storage it replaces in Qt 6.4.)
    const bool gatheredBefore = !m_outbox.isEmpty();
    for (QByteArray &piece : m_outbox)
        backlog.append(std::move(piece));
    while (!m_outbox.isEmpty())
        m_outbox.removeLast();
    m_outbox.reserve(backlog.size());
    for (QByteArray &piece : backlog)
        m_outbox.append(std::move(piece));
    if (!gatheredBefore)
        m_lastPieceOwned = false; // the last piece is a shared frame
}

void BatchedTcpSocket::dropBacklog()
{
    disconnect(m_drainWatch);
    m_drainWatch = {};
    m_backlog.clear();
    m_backlogBytes = 0;
}

void BatchedTcpSocket::handBacklogToQt()
{
    if (m_backlog.isEmpty())
        return;
    disconnect(m_drainWatch);
    m_drainWatch = {};
    for (const QByteArray &piece : std::as_const(m_backlog))
        handToQt(piece);
    m_backlog.clear();
    m_backlogBytes = 0;
}

bool BatchedTcpSocket::qtHoldsNothing()
{
    if (m_qtMayHold && QTcpSocket::bytesToWrite() == 0)
        m_qtMayHold = false;
    return !m_qtMayHold;
}
