#include "peer.h"

#include "batchedtcpsocket.h"

#include "connectioncloser.h"

#include <QtNetwork/QTcpSocket>
#include <QtWebSockets/QWebSocket>

qint64 Peer::unsentBytes() const
{
    if (batched)
        return batched->bytesToWrite();
    return transport ? transport->bytesToWrite() : socket->bytesToWrite();
}

bool Peer::kernelIsFull() const
{
    if (batched)
        return batched->kernelRefused(); // what the pass gathered is not refused
    return (transport ? transport->bytesToWrite() : socket->bytesToWrite()) > 0;
}

void Peer::write(const QByteArray &event, const QByteArray &frame) const
{
    if (batched)
        batched->writeShared(frame); // one frame for every member, not a copy each
    else if (transport)
        transport->write(frame);
    else
        socket->sendTextMessage(QString::fromUtf8(event));
}

void Peer::closeWith(quint16 code, const QString &reason)
{
    dropping = true;
    ConnectionCloser::end(socket, transport, code, reason);
}
