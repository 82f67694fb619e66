#pragma once

#include <QtCore/QString>

class QTcpSocket;
class QWebSocket;

// Ends a connection the host has decided to drop so that its peer reads why. QWebSocket::close
// in Qt 6.4 closes the TCP connection at once, with the peer's frames still unread on the
// host's side, so the kernel sends a reset — and a reset makes the peer's kernel throw away
// what it had not read yet: the error and the close frame. Here the close frame is written,
// the connection's input is from then on read and thrown away (a flooder costs nothing more),
// the sending side is closed after the last byte (plain TCP), and the connection is cut once
// the peer closes too, or lingerMs after it last sent anything (kMaxLingerMs at most).
namespace ConnectionCloser {

constexpr int kMaxLingerMs = 10'000;

// transport: the TCP connection under the WebSocket, or nullptr if unknown (Qt's close only).
void end(QWebSocket *socket, QTcpSocket *transport, quint16 code, const QString &reason,
         int lingerMs = 2000);

} // namespace ConnectionCloser
