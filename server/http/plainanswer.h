#pragma once

#include <QtCore/QByteArray>

class QTcpSocket;

// The host's own short HTTP answers (refusals, a missing file): a status, a sentence as plain
// text, and the connection closed after it — within 5 s even if the peer never reads it.
namespace PlainAnswer {
// status: "404 Not Found"; extraHeaders: whole lines, each ending in "\r\n".
void send(QTcpSocket *socket, const QByteArray &status, const QByteArray &explanation,
          const QByteArray &extraHeaders = {});
} // namespace PlainAnswer
