#include "connectionsorter.h"

#include "requesthead.h"

#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

ConnectionSorter::ConnectionSorter(const QByteArray &chatPath, QObject *parent)
    : QTcpServer(parent), m_chatPath(chatPath)
{ }

void ConnectionSorter::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // A client that never finishes its request head must not hold a connection forever.
    auto *timer = new QTimer(socket);
    timer->setObjectName(QStringLiteral("headTimer"));
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, &QTcpSocket::abort);
    timer->start(kHeadTimeoutMs);

    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void ConnectionSorter::onReadyRead(QTcpSocket *socket)
{
    // Peek, never read: whoever takes the socket parses the same request again.
    const QByteArray buffered = socket->peek(kMaxHeadBytes);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() >= kMaxHeadBytes)
            refuse(socket, "431 Request Header Fields Too Large", "The request head is too large.");
        return;
    }
    const std::optional<RequestHead> head = RequestHead::parse(buffered.left(end));
    if (!head) {
        refuse(socket, "400 Bad Request", "The request is not valid HTTP/1.1.");
        return;
    }
    sort(socket, *head);
}

void ConnectionSorter::sort(QTcpSocket *socket, const RequestHead &head)
{
    if (!head.isWebSocketUpgrade()) {
        handToHttpServer(socket);
        return;
    }
    if (head.path() != m_chatPath || head.method() != "GET") {
        refuse(socket, "404 Not Found", "The chat socket is at " + m_chatPath + ".");
        return;
    }
    release(socket);
    // From here on the WebSocket that wraps this socket owns and deletes it.
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    emit webSocketRequested(socket);
}

void ConnectionSorter::release(QTcpSocket *socket)
{
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>(QStringLiteral("headTimer"));
}

void ConnectionSorter::handToHttpServer(QTcpSocket *socket)
{
    release(socket);
    addPendingConnection(socket);
    emit newConnection();
    // QHttpServer only reads on readyRead, and the head already arrived: tell it again.
    QMetaObject::invokeMethod(
            socket, [socket] { emit socket->readyRead(); }, Qt::QueuedConnection);
}

void ConnectionSorter::refuse(QTcpSocket *socket, const QByteArray &status,
                              const QByteArray &explanation)
{
    release(socket);
    const QByteArray body = explanation + '\n';
    socket->write("HTTP/1.1 " + status
                  + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    "Content-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}
