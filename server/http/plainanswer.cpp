#include "plainanswer.h"

#include "securityheaders.h"

#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

namespace PlainAnswer {

void send(QTcpSocket *socket, const QByteArray &status, const QByteArray &explanation,
          const QByteArray &extraHeaders)
{
    const QByteArray body = explanation + '\n';
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                  + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                  + SecurityHeaders::lines(SecurityHeaders::Kind::Content)
                  + "Connection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
    QTimer::singleShot(5000, socket, &QTcpSocket::abort); // a peer that never reads it
}

} // namespace PlainAnswer
