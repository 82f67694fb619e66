#pragma once

#include <QtCore/QByteArray>

// The room frames what it sends itself and writes it to the member's TCP connection: a
// broadcast once for everyone, instead of QWebSocket::sendTextMessage converting and framing
// the text again for each member; a welcome straight from its UTF-8 bytes. The QWebSocket on
// a connection writes its own frames (pings, close) to the same QTcpSocket buffer, whole
// frames only, so their order is kept. Writes stay batched: every frame written to a connection
// in one event-loop pass goes out with one send() (BatchedTcpSocket; Qt's buffer for TLS), which
// under load is most of the speed (docs/DESIGN.md: sending each frame straight to the kernel
// collapsed under load).
namespace FrameWriter {

// An unmasked frame's header: `first` (FIN, RSV, opcode) and the payload's length, in the
// shortest form RFC 6455 allows.
void appendHeader(QByteArray &out, quint8 first, quint64 length);
// A complete, unmasked, unfragmented text frame (server to client, RFC 6455).
QByteArray textFrame(const QByteArray &utf8);
// A close frame with its code and as much of the reason as fits a control frame (123 bytes).
QByteArray closeFrame(quint16 code, const QByteArray &reasonUtf8);

} // namespace FrameWriter
