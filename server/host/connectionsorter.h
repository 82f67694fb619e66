#pragma once

#include <QtNetwork/QTcpServer>

class QTcpSocket;
class RequestHead;

// Listens on the host's one port and sorts each connection by its first request head: a
// WebSocket upgrade to the chat path goes to webSocketRequested(), anything else to the bound
// QHttpServer through the pending-connection queue. Sockets stay children of this server.
class ConnectionSorter final : public QTcpServer
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr int kHeadTimeoutMs = 10'000;

    explicit ConnectionSorter(const QByteArray &chatPath, QObject *parent = nullptr);

signals:
    // The request head is still unread in the socket, ready for QWebSocketServer.
    void webSocketRequested(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onReadyRead(QTcpSocket *socket);
    void sort(QTcpSocket *socket, const RequestHead &head);
    void release(QTcpSocket *socket);
    void handToHttpServer(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QByteArray &status, const QByteArray &explanation);

    QByteArray m_chatPath;
};
