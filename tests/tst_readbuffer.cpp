// ReadBuffer on real TCP connections over 127.0.0.1: the idle chunk goes back to the heap, and
// data still waiting (or inside a read transaction) is never touched.

#include "readbuffer.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include <memory>
#include <vector>

#if defined(__GLIBC__)
#include "support/heapinuse.h"
#endif

class tst_ReadBuffer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void releasesTheChunkOfEveryIdleSocket();
    void leavesUnreadDataAlone();
    void leavesAReadTransactionAlone();

private:
    // One connection: what the client writes, the accepted socket reads.
    struct Pair
    {
        std::unique_ptr<QTcpSocket> client;
        std::unique_ptr<QTcpSocket> accepted;
    };
    Pair connectPair();
    static QByteArray receive(QTcpSocket *socket, qint64 bytes);

    std::unique_ptr<QTcpServer> m_server;
};

void tst_ReadBuffer::init()
{
    m_server = std::make_unique<QTcpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void tst_ReadBuffer::cleanup()
{
    m_server.reset();
}

tst_ReadBuffer::Pair tst_ReadBuffer::connectPair()
{
    Pair pair;
    pair.client = std::make_unique<QTcpSocket>();
    pair.client->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    pair.client->waitForConnected(5000);
    if (!m_server->hasPendingConnections())
        m_server->waitForNewConnection(5000);
    pair.accepted.reset(m_server->nextPendingConnection());
    pair.accepted->setParent(nullptr);
    return pair;
}

QByteArray tst_ReadBuffer::receive(QTcpSocket *socket, qint64 bytes)
{
    QDeadlineTimer deadline(5000);
    while (socket->bytesAvailable() < bytes && !deadline.hasExpired())
        socket->waitForReadyRead(100);
    // Copied out, as QWebSocket reads: read(qint64) could take the chunk itself along.
    QByteArray data(bytes, '\0');
    data.resize(std::max<qint64>(0, socket->read(data.data(), bytes)));
    return data;
}

void tst_ReadBuffer::releasesTheChunkOfEveryIdleSocket()
{
    constexpr int kSockets = 64;
    std::vector<Pair> pairs;
    for (int i = 0; i < kSockets; ++i) {
        pairs.push_back(connectPair());
        QVERIFY(pairs.back().accepted);
        pairs.back().client->write("hello");
        pairs.back().client->flush();
        QCOMPARE(receive(pairs.back().accepted.get(), 5), QByteArray("hello"));
    }
    // Every accepted socket is empty now, and still holds the chunk it read into.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    const size_t before = heapInUse();
#endif
    for (Pair &pair : pairs)
        ReadBuffer::releaseIfEmpty(pair.accepted.get());
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    const size_t after = heapInUse();
    QVERIFY2(before > after + kSockets * 12 * 1024,
             qPrintable(QStringLiteral("heap in use %1 → %2 bytes").arg(before).arg(after)));
#else
    qInfo("heap not measured: needs glibc's own malloc (not AddressSanitizer's)");
#endif

    // The sockets read on as before.
    for (Pair &pair : pairs) {
        pair.client->write("again");
        pair.client->flush();
        QCOMPARE(receive(pair.accepted.get(), 5), QByteArray("again"));
    }
}

void tst_ReadBuffer::leavesUnreadDataAlone()
{
    Pair pair = connectPair();
    QVERIFY(pair.accepted);
    pair.client->write("abcdef");
    pair.client->flush();
    QCOMPARE(receive(pair.accepted.get(), 2), QByteArray("ab"));
    ReadBuffer::releaseIfEmpty(pair.accepted.get());
    QCOMPARE(pair.accepted->bytesAvailable(), 4);
    QCOMPARE(pair.accepted->readAll(), QByteArray("cdef"));
}

void tst_ReadBuffer::leavesAReadTransactionAlone()
{
    Pair pair = connectPair();
    QVERIFY(pair.accepted);
    pair.client->write("abcdef");
    pair.client->flush();
    QTcpSocket *socket = pair.accepted.get();
    QTRY_COMPARE(socket->bytesAvailable(), 6);
    socket->startTransaction();
    QCOMPARE(socket->read(6), QByteArray("abcdef"));
    ReadBuffer::releaseIfEmpty(socket); // nothing available inside the transaction, yet it stays
    socket->rollbackTransaction();
    QCOMPARE(socket->readAll(), QByteArray("abcdef"));
}

QTEST_GUILESS_MAIN(tst_ReadBuffer)
#include "tst_readbuffer.moc"
