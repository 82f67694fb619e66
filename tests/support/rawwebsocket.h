#pragma once

#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QtEndian>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

// A WebSocket client written by hand over a real TCP socket, so tests can send what no proper
// client would: invalid UTF-8, unmasked or oversized frames, a reader that never reads.
class RawWebSocket final
{
public:
    bool open(quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {},
              const QHostAddress &from = QHostAddress())
    {
        if (!from.isNull())
            socket.bind(from);
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }))
            return false;
        socket.write("GET " + target
                     + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     + extraHeaders + "\r\n");
        const bool answered = QTest::qWaitFor(
                [&] { return m_buffer.append(socket.readAll()).contains("\r\n\r\n"); });
        if (!answered)
            return false;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        handshake = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        return handshake.startsWith("HTTP/1.1 101");
    }

    // A client frame; masked unless told otherwise. declaredLength lies about the size.
    void sendFrame(quint8 firstByte, const QByteArray &payload, bool masked = true,
                   qint64 declaredLength = -1)
    {
        QByteArray frame;
        appendFrame(frame, firstByte, payload, masked, declaredLength);
        socket.write(frame);
    }

    // Many frames can be gathered and written at once, as a flooder does.
    static void appendFrame(QByteArray &out, quint8 firstByte, const QByteArray &payload,
                            bool masked = true, qint64 declaredLength = -1)
    {
        const quint64 length
                = declaredLength >= 0 ? quint64(declaredLength) : quint64(payload.size());
        QByteArray frame(1, char(firstByte));
        const char maskBit = masked ? char(0x80) : char(0);
        if (length < 126) {
            frame.append(char(maskBit | char(length)));
        } else if (length <= 0xffff) {
            frame.append(char(maskBit | 126));
            frame.append(char(length >> 8)).append(char(length & 0xff));
        } else {
            frame.append(char(maskBit | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.append(char((length >> shift) & 0xff));
        }
        QByteArray body = payload;
        if (masked) {
            const quint32 key = QRandomGenerator::global()->generate();
            char mask[4];
            qToBigEndian(key, mask);
            frame.append(mask, 4);
            // Through a raw pointer: indexing a QByteArray checks for sharing on every byte,
            // which under the sanitizers held the test's (and the host's) loop for a second.
            char *bytes = body.data();
            for (qsizetype i = 0; i < body.size(); ++i)
                bytes[i] = char(bytes[i] ^ mask[i % 4]);
        }
        out.append(frame).append(body);
    }

    // Whether an error event with this code has arrived.
    bool hasError(const QString &code)
    {
        for (const QJsonObject &event : events()) {
            if (event.value(QStringLiteral("type")).toString() == QStringLiteral("error")
                && event.value(QStringLiteral("code")).toString() == code)
                return true;
        }
        return false;
    }

    void sendText(const QByteArray &utf8) { sendFrame(0x81, utf8); }

    // Reads frames until the host closes: the close code in its close frame, or 0 if the TCP
    // connection ended without one, or -1 if nothing ended within the time.
    // Generous: under the sanitizers, with a browser test beside it, a host reading megabytes
    // of flood may take many seconds; a close that never comes still fails the test.
    int waitForClose(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            m_buffer.append(socket.readAll());
            if (const int code = parseFrames(); code != 0)
                return code;
            if (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0)
                return 0;
            QTest::qWait(5);
        }
        return -1;
    }

    // The text events received so far (after reading what is buffered).
    QList<QJsonObject> events()
    {
        m_buffer.append(socket.readAll());
        parseFrames();
        return m_events;
    }

    QTcpSocket socket;
    QByteArray handshake;
    int pingsAnswered = 0; // while reading frames (events(), waitForClose())

private:
    // Returns a close code when a close frame was read, 0 otherwise.
    int parseFrames()
    {
        while (m_buffer.size() >= 2) {
            const quint8 opcode = quint8(m_buffer[0]) & 0x0f;
            quint64 length = quint8(m_buffer[1]) & 0x7f;
            qsizetype offset = 2;
            if (length == 126) {
                if (m_buffer.size() < 4)
                    return 0;
                length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
                offset = 4;
            } else if (length == 127) {
                if (m_buffer.size() < 10)
                    return 0;
                length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
                offset = 10;
            }
            if (quint64(m_buffer.size() - offset) < length)
                return 0;
            const QByteArray payload = m_buffer.mid(offset, qsizetype(length));
            m_buffer.remove(0, offset + qsizetype(length));
            if (opcode == 0x1)
                m_events.append(QJsonDocument::fromJson(payload).object());
            if (opcode == 0x9) { // answered as every client must
                ++pingsAnswered;
                sendFrame(0x8A, payload);
            }
            if (opcode == 0x8)
                return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
        }
        return 0;
    }

    QByteArray m_buffer;
    QList<QJsonObject> m_events;
};
