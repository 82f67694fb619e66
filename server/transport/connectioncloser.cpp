#include "connectioncloser.h"

#include "batchedtcpsocket.h"
#include "framewriter.h"

#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

namespace ConnectionCloser {

void end(QWebSocket *socket, QTcpSocket *transport, quint16 code, const QString &reason,
         int lingerMs)
{
    // A peer that does not close its side is cut off: lingerMs after it last sent anything
    // (cutting it while it still sends would reset the connection), kMaxLingerMs at most.
    QTimer::singleShot(kMaxLingerMs, socket, &QWebSocket::abort);
    auto *quiet = new QTimer(socket);
    quiet->setSingleShot(true);
    QObject::connect(quiet, &QTimer::timeout, socket, &QWebSocket::abort);
    quiet->start(lingerMs);
    if (!transport || transport->state() != QAbstractSocket::ConnectedState) {
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
        return;
    }
    transport->write(FrameWriter::closeFrame(code, reason.toUtf8()));
    // QWebSocket reads on its TCP socket's readyRead: without that connection it hears
    // nothing more, and the input goes nowhere.
    QObject::disconnect(transport, &QIODevice::readyRead, socket, nullptr);
    const auto discard = [transport, quiet] {
        if (transport->bytesAvailable() > 0)
            quiet->start();
        transport->skip(transport->bytesAvailable());
    };
    QObject::connect(transport, &QIODevice::readyRead, quiet, discard);
    discard();
    if (auto *batched = qobject_cast<BatchedTcpSocket *>(transport)) {
        batched->closeWriting();
        return;
    }
    // TLS: the whole connection closes once the close frame is out.
    QObject::connect(transport, &QTcpSocket::bytesWritten, transport, [transport] {
        if (transport->bytesToWrite() == 0)
            transport->disconnectFromHost();
    });
}

} // namespace ConnectionCloser
