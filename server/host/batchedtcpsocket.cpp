#include "batchedtcpsocket.h"

#include <QtCore/QAbstractEventDispatcher>

#include <algorithm>
#include <vector>

#include <climits>

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
    return m_outboxBytes + (m_qtMayHold ? QTcpSocket::bytesToWrite() : 0);
}

void BatchedTcpSocket::disconnectFromHost()
{
    sendOutbox(); // Qt closes once its own buffer is empty: ours goes first
    QTcpSocket::disconnectFromHost();
}

void BatchedTcpSocket::close()
{
    sendOutbox();
    QTcpSocket::close();
}

bool BatchedTcpSocket::waitForBytesWritten(int msecs)
{
    sendOutbox();
    return QTcpSocket::waitForBytesWritten(msecs);
}

void BatchedTcpSocket::closeWriting()
{
    if (m_writingClosed)
        return;
    m_writingClosed = true;
    sendOutbox();
    if (QTcpSocket::bytesToWrite() == 0) {
        shutDownWriting();
        return;
    }
    connect(this, &QTcpSocket::bytesWritten, this, [this] {
        if (QTcpSocket::bytesToWrite() == 0)
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

qint64 BatchedTcpSocket::writeData(const char *data, qint64 size)
{
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
    // By index: sending may emit bytesWritten, whose handlers may write again (gathered for
    // the next pass) or delete a connection (its entry here becomes nullptr).
    for (size_t i = 0; i < tSending.size(); ++i) {
        if (BatchedTcpSocket *socket = tSending[i])
            socket->sendOutbox();
    }
    tSending.clear();
}

void BatchedTcpSocket::sendOutbox()
{
    if (m_outbox.isEmpty())
        return; // sent early (close) and still listed, or nothing written since
    const auto &outbox = m_outbox;
    qint64 sent = 0;
    qsizetype first = 0; // the first piece not wholly sent
    if (state() == ConnectedState && qtHoldsNothing()) {
        const int descriptor = int(socketDescriptor());
        // One piece (most passes: the room's frame) by send(), which the kernel takes with less
        // work than sendmsg(); several by one sendmsg per up to IOV_MAX pieces, as long as the
        // kernel takes all it is given.
        while (first < outbox.size()) {
            iovec pieces[IOV_MAX];
            const qsizetype count = std::min<qsizetype>(outbox.size() - first, IOV_MAX);
            qint64 offered = 0;
            for (qsizetype i = 0; i < count; ++i) {
                const QByteArray &piece = outbox.at(first + i);
                pieces[i] = {const_cast<char *>(piece.constData()), size_t(piece.size())};
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
            sent += taken;
            if (taken < offered) {
                // Past the pieces the kernel took whole; `sent` counts into the next one.
                qint64 skip = taken;
                while (skip >= outbox.at(first).size()) {
                    skip -= outbox.at(first).size();
                    ++first;
                }
                const QByteArray &partial = outbox.at(first);
                handToQt(partial.constData() + skip, partial.size() - skip);
                ++first;
                break;
            }
            first += count;
        }
    }
    // What the kernel did not take goes to Qt's buffer, in order.
    for (qsizetype i = first; i < outbox.size(); ++i)
        handToQt(outbox.at(i).constData(), outbox.at(i).size());
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
    if (sent > 0 && m_reportsWrites)
        emit bytesWritten(sent);
}

void BatchedTcpSocket::handToQt(const char *data, qint64 size)
{
    m_qtMayHold = true;
    QTcpSocket::writeData(data, size);
}

bool BatchedTcpSocket::qtHoldsNothing()
{
    if (m_qtMayHold && QTcpSocket::bytesToWrite() == 0)
        m_qtMayHold = false;
    return !m_qtMayHold;
}
