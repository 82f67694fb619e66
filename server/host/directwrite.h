#pragma once

#include <QtCore/QByteArray>

class QTcpSocket;

// Small frames to idle connections go straight to the kernel instead of through Qt's write
// buffer. Qt 6.4 copies any write under 256 bytes into a fresh 32 KB chunk and keeps that
// chunk once it has drained, so one keep-alive ping per connection left every idle member
// holding it: 15 KB of host RSS per idle connection became 42 KB with pings every 2 s
// (bench/, 2 000 connections). Measured on 6.4.2.
namespace DirectWrite {

// Sends all of `bytes` now, or hands the part the kernel did not take to Qt (order kept), and
// returns true. Returns false, having sent nothing, when Qt still holds unsent data for the
// socket (writing past it would reorder), when the socket is TLS (Qt must encrypt), or when
// the kernel refuses: then write through Qt as usual, which also reports any error.
bool writeNow(QTcpSocket *socket, const QByteArray &bytes);

} // namespace DirectWrite
