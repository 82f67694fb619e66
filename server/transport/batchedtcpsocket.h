#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QVarLengthArray>
#include <QtNetwork/QTcpSocket>

#include <memory>

class ClientFrameGuard;
class SendRing;

// A plain TCP connection that gathers what is written to it during one event-loop pass and
// sends it with one send when the pass ends (every connection's together, through SendRing
// where io_uring can be used), holding no buffer in between; the room's frames are kept by
// reference (writeShared), not copied once per member. Qt's own write buffer batches the same
// way, but Qt 6.4 copies every write under 256 bytes into a fresh 32 KB chunk and keeps that
// chunk once it has drained, which made quiet members cost three times the memory
// (figures: docs/DESIGN.md). What the kernel does not take at once (a slow reader)
// waits here too, still by reference: Qt's buffer is given only the piece the kernel stopped
// in, so that Qt's write notifier says when the reader takes more, and the rest follows with
// one send once Qt's part is out. (Handing Qt the whole backlog copied every frame once per
// slow reader, and Qt sends one block per pass.)
class BatchedTcpSocket final : public QTcpSocket
{
    Q_OBJECT

public:
    explicit BatchedTcpSocket(QObject *parent = nullptr);
    ~BatchedTcpSocket() override;

    qint64 bytesToWrite() const override;
    // Whether the kernel refused some of what was sent: its send buffer is full then, and
    // what it holds is unread too.
    bool kernelRefused() const;
    void disconnectFromHost() override;
    void close() override;
    bool waitForBytesWritten(int msecs = 30000) override;
    // Sends everything written so far, then ends the sending direction (the peer reads a FIN
    // after the last byte) while reading goes on; what is written afterwards is dropped.
    void closeWriting();

    // Like write(), without copying: the room writes one frame to every member, and each
    // connection keeps a reference to it until the pass ends (sent with the rest).
    void writeShared(const QByteArray &bytes);

    // Whether what the pass's end sends is reported by bytesWritten (it is, unless told
    // otherwise): a chat member's connection has nobody listening most of the time, and a
    // signal emitted to nobody, once per member per pass, costs more than the rest of its send.
    // What Qt's own buffer sends is always reported (by Qt).
    void setReportsWrites(bool reports) { m_reportsWrites = reports; }

    // Sends what every connection of this thread gathered in the pass now ending.
    static void sendGathered();

    // From the end of the WebSocket handshake on (the first write after this call is its
    // answer), what the client sends goes through a ClientFrameGuard before QWebSocket reads
    // it: Qt 6.4 buffers what it reads from the kernel before any read hook, so it is taken
    // from there whenever QWebSocket asks what is available (it always asks before reading).
    void guardFramesAfterHandshake(qint64 largestTextFrame);
    qint64 bytesAvailable() const override;

signals:
    // The client broke RFC 6455 in a way Qt lets pass: nothing from there on is read. Queued.
    void framesRefused(quint16 code, const QString &reason);

protected:
    qint64 writeData(const char *data, qint64 size) override;
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void sendOutbox();
    static void sendThroughRing(SendRing &ring); // the pass's sends, in one system call
    bool canSendDirectly(); // connected, and nothing of ours waits in Qt's buffer
    // After the kernel took `taken` bytes from piece `first` on: the rest goes to Qt's buffer
    // and the outbox is emptied.
    void settle(qsizetype first, qint64 taken);
    void reportWritten(qint64 bytes); // bytesWritten, if reported (nothing below 1 byte)

    void shutDownWriting();
    void takeInput(); // what Qt read from the kernel, through the guard
    void resumeBacklog(); // Qt's part is out: the backlog goes with the pass's sends
    void handBacklogToQt(); // the connection is closing the way Qt closes: Qt sends it all
    void dropBacklog();

    bool gathers(qint64 size); // whether a write of `size` now waits for the pass's end
    void handToQt(const char *data, qint64 size); // Qt's buffer: sent as the peer reads
    void handToQt(const QByteArray &piece); // the same, sharing a whole piece where Qt can
    bool qtHoldsNothing(); // Qt's own write buffer is empty
    // Written in this pass, not yet sent, in order. Most passes write one piece (the room's
    // frame) or two: those need no allocation per member per pass.
    static constexpr qsizetype kInlinePieces = 2;
    QVarLengthArray<QByteArray, kInlinePieces> m_outbox;
    qint64 m_outboxBytes = 0;
    bool m_lastPieceOwned = false; // the last piece is our copy: small writes may join it
    // Whole pieces the kernel has not taken, in order, behind what Qt's buffer holds; sent
    // when Qt has sent its part (m_drainWatch).
    QList<QByteArray> m_backlog;
    qint64 m_backlogBytes = 0;
    QMetaObject::Connection m_drainWatch;
    bool m_passingToQt = false; // writeData goes straight to Qt's buffer
    // Reading through the guard: armed by the handshake's answer.
    std::unique_ptr<ClientFrameGuard> m_guard;
    qint64 m_guardLargestText = 0;
    bool m_guardPending = false;
    bool m_takingInput = false; // readData leaves Qt's buffer to QIODevice::read
    QByteArray m_guarded; // what the guard handed on, for QWebSocket
    qsizetype m_guardedRead = 0;
    // Something went to Qt's buffer and may still be there. Only we write to it (every write
    // comes through writeData), so while this is false its size need not be asked.
    bool m_qtMayHold = false;
    bool m_reportsWrites = true;
    bool m_inRing = false; // its outbox is in the ring's sends now being made
    bool m_writingClosed = false;
};
