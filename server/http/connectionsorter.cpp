#include "connectionsorter.h"

#include "batchedtcpsocket.h"
#include "errorcode.h"
#include "hostlog.h"
#include "peeraddress.h"
#include "plainanswer.h"
#include "requesthead.h"

#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

#include <sys/resource.h>
#include <sys/socket.h>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace {

const auto kHeadTimer = "headTimer";

} // namespace

// A child of each counted socket that gives its place back when the socket is destroyed.
// Not the socket's own destroyed() signal: Qt 6.4's QWebSocket disconnects everything
// connected to its TCP socket when it lets go of it (QWebSocketPrivate::releaseConnections),
// which leaked the place of every WebSocket session that ended.
class ConnectionSlot final : public QObject
{
public:
    ConnectionSlot(ConnectionSorter *sorter, QTcpSocket *socket)
        : QObject(socket),
          m_sorter(sorter),
          m_peer(socket->peerAddress()),
          m_port(socket->peerPort())
    {
        ++sorter->m_total;
        ++sorter->m_perAddress[m_peer];
    }
    ~ConnectionSlot() override
    {
        if (!m_sorter)
            return; // the sorter went first
        --m_sorter->m_total;
        m_sorter->acceptAgain(); // a descriptor is free
        if (--m_sorter->m_perAddress[m_peer] <= 0)
            m_sorter->m_perAddress.remove(m_peer);
        m_sorter->m_upgrading.remove({m_peer, m_port});
    }

private:
    QPointer<ConnectionSorter> m_sorter;
    QHostAddress m_peer;
    quint16 m_port;
};

ConnectionSorter::ConnectionSorter(const QByteArray &chatPath, const HostLimits &limits,
                                   QObject *parent)
    : QTcpServer(parent), m_chatPath(chatPath), m_limits(limits)
{ }

bool ConnectionSorter::listenOn(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    pauseAccepting(); // Qt's own accepting spins at the descriptor limit: this server's instead
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    const int limit = files.rlim_cur == RLIM_INFINITY ? 1 << 20 : int(files.rlim_cur);
    m_descriptorCeiling = limit - std::min(kReservedDescriptors, limit / 4);
    m_acceptor = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptor, &QSocketNotifier::activated, this, &ConnectionSorter::acceptWaiting);
    m_acceptBackoff = new QTimer(this);
    m_acceptBackoff->setSingleShot(true);
    m_acceptBackoff->setInterval(kAcceptBackoffMs);
    connect(m_acceptBackoff, &QTimer::timeout, this, &ConnectionSorter::acceptAgain);
    return true;
}

void ConnectionSorter::acceptWaiting()
{
    for (int accepted = 0; accepted < 64; ++accepted) { // then others get a turn
        const int descriptor
                = accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor >= 0) {
            incomingConnection(descriptor);
            if (descriptor < m_descriptorCeiling)
                continue;
            // The rest are the host's own (the history, files, decoders): stop here for now.
            waitForDescriptors();
            return;
        }
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            waitForDescriptors();
            return;
        }
        if (m_outOfDescriptors && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_outOfDescriptors = false; // everyone waiting was taken: said once per spell
            qCInfo(lcHost) << "Accepting connections again";
        }
        return;
    }
}

void ConnectionSorter::waitForDescriptors()
{
    // Waiting connections stay in the kernel's queue until a descriptor is free.
    m_acceptor->setEnabled(false);
    m_acceptBackoff->start();
    if (!m_outOfDescriptors) {
        m_outOfDescriptors = true;
        qCWarning(lcHost).noquote() << "Out of file descriptors for connections: new ones wait "
                                       "until some close; raise the limit (ulimit -n, "
                                       "LimitNOFILE=) for more";
    }
}

void ConnectionSorter::acceptAgain()
{
    if (m_acceptor && !m_acceptor->isEnabled()) {
        m_acceptor->setEnabled(true);
        QMetaObject::invokeMethod(this, &ConnectionSorter::acceptWaiting, Qt::QueuedConnection);
    }
}

void ConnectionSorter::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *sslSocket = new QSslSocket(this);
        sslSocket->setSslConfiguration(*m_tls);
        socket = sslSocket;
    } else {
        socket = new BatchedTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // Chat messages are small writes: Nagle's algorithm would hold one back until the peer's
    // delayed ACK (up to 40 ms on Linux) — measured as the whole latency tail (bench/).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (auto *sslSocket = qobject_cast<QSslSocket *>(socket)) {
        // A client that fails the handshake (plain HTTP to an HTTPS port, say) is let go.
        connect(sslSocket, &QSslSocket::sslErrors, sslSocket, &QSslSocket::abort);
        sslSocket->startServerEncryption();
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    const QHostAddress peer = socket->peerAddress();
    if (m_total >= m_limits.maxConnections
        || m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
        refuse(socket, "503 Service Unavailable", "Too many connections; try again later.");
        return;
    }
    count(socket);
    // A client that never finishes its request head must not hold a connection forever.
    auto *timer = new QTimer(socket);
    timer->setObjectName(QLatin1StringView(kHeadTimer));
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, &QTcpSocket::abort);
    timer->start(m_limits.headTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
}

void ConnectionSorter::count(QTcpSocket *socket)
{
    // The socket may end inside a QWebSocket or QHttpServer: counted until it is destroyed.
    new ConnectionSlot(this, socket);
}

void ConnectionSorter::onReadyRead(QTcpSocket *socket)
{
    // Peek, never read: whoever takes the socket parses the same request again.
    const QByteArray buffered = socket->peek(kMaxHeadBytes);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() >= kMaxHeadBytes)
            refuse(socket, "431 Request Header Fields Too Large", "The request head is too large.");
        return;
    }
    const std::optional<RequestHead> head = RequestHead::parse(buffered.left(end));
    if (!head) {
        refuse(socket, "400 Bad Request", "The request is not valid HTTP/1.1.");
        return;
    }
    sort(socket, *head);
}

void ConnectionSorter::sort(QTcpSocket *socket, const RequestHead &head)
{
    // Nothing here takes a body: a large or unbounded one is refused before it is read.
    if (head.header("content-length").toLongLong() > m_limits.maxRequestBodyBytes
        || !head.header("transfer-encoding").isEmpty()) {
        refuse(socket, "413 Content Too Large", "This server accepts no request bodies.");
        return;
    }
    if (!m_blocked.isEmpty() && m_blocked.contains(PeerAddress::plain(socket->peerAddress()))) {
        refuse(socket, "403 Forbidden", Tertulia::errorSpec(Tertulia::ErrorCode::Blocked).sentence);
        return;
    }
    if (!head.isWebSocketUpgrade() && head.path().startsWith("/files/")) {
        // Streamed by the host itself, for as long as the download takes (FileDownload).
        release(socket);
        emit fileRequested(socket, head);
        return;
    }
    if (!head.isWebSocketUpgrade()) {
        handToHttpServer(socket);
        return;
    }
    if (head.path() != m_chatPath || head.method() != "GET") {
        refuse(socket, "404 Not Found", "The chat socket is at " + m_chatPath + ".");
        return;
    }
    // Before the upgrade: a page elsewhere must not use a visitor's browser to join the room.
    if (!m_originPolicy.allows(head.header("origin"))) {
        refuse(socket, "403 Forbidden", "Pages from other sites may not join this room.");
        return;
    }
    release(socket);
    // What the kernel holds for a member who stops reading is bounded too (HostLimits).
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                            m_limits.chatSendBufferBytes);
    // What the client sends is checked for what Qt's WebSocket misses (ClientFrameGuard). TLS
    // connections are read by QSslSocket and are left to Qt's own checks.
    if (auto *batched = qobject_cast<BatchedTcpSocket *>(socket))
        batched->guardFramesAfterHandshake(m_largestFrame);
    // From here on the WebSocket that wraps this socket owns and deletes it.
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_upgrading.insert({socket->peerAddress(), socket->peerPort()}, socket); // until destroyed
    emit webSocketRequested(socket);
}

QTcpSocket *ConnectionSorter::takeUpgradedSocket(const QHostAddress &peer, quint16 port)
{
    return m_upgrading.take({peer, port});
}

void ConnectionSorter::release(QTcpSocket *socket)
{
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>(QLatin1StringView(kHeadTimer));
}

void ConnectionSorter::handToHttpServer(QTcpSocket *socket)
{
    release(socket);
    // One request per connection (QHttpServer 6.4 ignores "Connection: close" and keeps
    // connections alive without limits), so every request passes the checks above.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    });
    QTimer::singleShot(kHttpLifetimeMs, socket, &QTcpSocket::abort);
    addPendingConnection(socket);
    emit newConnection();
    // QHttpServer only reads on readyRead, and the head already arrived: tell it again.
    QMetaObject::invokeMethod(
            socket, [socket] { emit socket->readyRead(); }, Qt::QueuedConnection);
}

void ConnectionSorter::refuse(QTcpSocket *socket, const QByteArray &status,
                              const QByteArray &explanation)
{
    release(socket);
    auto *sslSocket = qobject_cast<QSslSocket *>(socket);
    if (sslSocket && !sslSocket->isEncrypted()) {
        // Refused on arrival: written before the handshake, the answer was never delivered.
        // A handshake that never ends must not keep the socket alive either.
        QTimer::singleShot(5000, socket, &QTcpSocket::abort);
        connect(sslSocket, &QSslSocket::encrypted, this,
                [this, sslSocket, status, explanation] { refuse(sslSocket, status, explanation); });
        return;
    }
    PlainAnswer::send(socket, status, explanation);
}
