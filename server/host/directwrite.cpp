#include "directwrite.h"

#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

namespace DirectWrite {

bool writeNow(QTcpSocket *socket, const QByteArray &bytes)
{
    if (bytes.isEmpty() || socket->state() != QAbstractSocket::ConnectedState
        || socket->bytesToWrite() != 0 || qobject_cast<QSslSocket *>(socket))
        return false;
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor < 0)
        return false;
    const ssize_t sent = ::send(int(descriptor), bytes.constData(), size_t(bytes.size()),
                                MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent <= 0)
        return false;
    if (sent < bytes.size())
        socket->write(bytes.mid(sent));
    return true;
}

} // namespace DirectWrite
