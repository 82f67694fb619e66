#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

// What a client sends, frame by frame, checked for what Qt 6.4's QWebSocket does not check and
// re-framed for what it checks wrongly, before QWebSocket reads it (BatchedTcpSocket):
// - RFC 6455 §5.1: a server MUST close the connection when a client's frame is not masked.
//   Qt accepts and processes it. An unmasked frame ends the stream here (1002).
// - §5.6 and §8.1 judge a text message's UTF-8 as a whole; Qt 6.4.2 decodes each frame on its
//   own, so a valid message whose fragments split a character was refused (1007), and an invalid
//   one refused a fragment early (Autobahn|Testsuite 6.2.3, 6.2.4, 6.4.2). Here a text
//   fragment that ends inside a character keeps those bytes back for the next fragment; what
//   cannot begin a valid character is passed on at once, for Qt to refuse where it is.
// The frames handed on are unmasked (Qt reads them as they are). Text frames are held whole
// until complete, up to the largest frame the host accepts; a larger one is passed on as it
// comes, its header first, for Qt to refuse by size before its payload arrives.
class ClientFrameGuard
{
public:
    explicit ClientFrameGuard(qint64 largestTextFrame) : m_largestTextFrame(largestTextFrame) { }

    // Takes what arrived and appends to `out` what QWebSocket may read. After a violation it
    // takes everything and hands on nothing more: see violated().
    void feed(QByteArrayView input, QByteArray &out);

    bool violated() const { return m_closeCode != 0; }
    quint16 closeCode() const { return m_closeCode; }
    const QString &closeReason() const { return m_closeReason; }
    qsizetype bytesHeld() const { return m_pending.size() + m_carry.size(); }

private:
    // Reads a frame's header from `data` at `pos` (moved past it); false while it is
    // incomplete. A frame handed on as it comes has its header appended to `out`.
    bool readHeader(QByteArrayView data, qsizetype &pos, QByteArray &out);
    void passHeader(QByteArray &out, quint64 length) const;
    void unmaskInto(QByteArrayView payload, QByteArray &out);
    void handText(QByteArrayView payload, QByteArray &out);

    const qint64 m_largestTextFrame;
    QByteArray m_pending; // input not handed on yet: part of a frame
    // The frame now being read.
    bool m_inFrame = false;
    bool m_holdWhole = false; // a text frame: handed on once complete, re-framed
    quint8 m_first = 0; // FIN, RSV and opcode, as sent
    quint64 m_left = 0; // payload bytes still to come
    quint8 m_mask[4] = {};
    quint64 m_maskOffset = 0;
    // Within a fragmented text message: the bytes of a character its last fragment ended in.
    bool m_inText = false;
    QByteArray m_carry;
    quint16 m_closeCode = 0;
    QString m_closeReason;
};
