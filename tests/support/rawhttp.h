#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

// Speaks HTTP/1.1 by hand over a real TCP socket, so tests see exactly what the host sends.
// Waits by spinning the event loop, so the host under test keeps running in the same thread.
struct RawResponse
{
    int status = 0; // 0: no complete response arrived
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

inline bool connectRaw(QTcpSocket &socket, quint16 port)
{
    // Never the blocking waitFor* calls: the host runs on this thread's event loop.
    socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

// Reads one response: its head, then as many body bytes as Content-Length says.
inline RawResponse readResponse(QTcpSocket &socket, int timeoutMs = 5000)
{
    QByteArray buffer;
    RawResponse response;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            response.head = buffer.left(end);
            const qsizetype length = response.header("content-length").toLongLong();
            if (buffer.size() - end - 4 >= length) {
                response.status = response.head.mid(9, 3).toInt();
                response.body = buffer.mid(end + 4, length);
                return response;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QTest::qWait(5);
    }
    return response;
}

inline RawResponse rawExchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    if (!connectRaw(socket, port))
        return {};
    socket.write(request);
    return readResponse(socket);
}

inline QByteArray upgradeRequest(const QByteArray &path)
{
    return "GET " + path
           + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
             "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
}
