#include "batchedtcpsocket.h"

#include <QtCore/QAbstractEventDispatcher>

#include <algorithm>
#include <vector>

#include <sys/socket.h>

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
    return m_outbox.size() + QTcpSocket::bytesToWrite();
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

qint64 BatchedTcpSocket::writeData(const char *data, qint64 size)
{
    if (m_writingClosed)
        return size; // the connection's last byte is already decided: nothing can follow it
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (state() != ConnectedState || !dispatcher || size <= 0)
        return QTcpSocket::writeData(data, size);
    if (m_outbox.isEmpty()) {
        if (tGathered.empty())
            QMetaObject::invokeMethod(dispatcher, &BatchedTcpSocket::sendGathered,
                                      Qt::QueuedConnection);
        tGathered.push_back(this);
    }
    m_outbox.append(data, size);
    return size;
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
    const QByteArray outbox = std::exchange(m_outbox, {}); // an idle connection holds nothing
    qint64 sent = 0;
    if (state() == ConnectedState && QTcpSocket::bytesToWrite() == 0) {
        const ssize_t result = ::send(int(socketDescriptor()), outbox.constData(),
                                      size_t(outbox.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        sent = std::max<qint64>(0, result); // refused or failed: Qt tries and reports errors
    }
    if (sent < outbox.size())
        QTcpSocket::writeData(outbox.constData() + sent, outbox.size() - sent);
    if (sent > 0)
        emit bytesWritten(sent);
}
