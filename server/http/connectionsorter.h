#pragma once

#include "hostsettings.h"
#include "originpolicy.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QTcpServer>

class QSocketNotifier;
class QTcpSocket;
class QTimer;
class RequestHead;

// Listens on the host's one port and guards it: caps connections (in all and per address),
// times out slow request heads, refuses oversized or malformed ones, checks the Origin of
// WebSocket upgrades, and sorts what is left by the request head — an upgrade to the chat path
// goes to webSocketRequested(), anything else to the bound QHttpServer, one request per
// connection so every request passes through here. Sockets stay children of this server.
// With TLS, the sockets are QSslSockets and everything above reads the decrypted stream.
class ConnectionSorter final : public QTcpServer
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr int kHttpLifetimeMs = 30'000; // a whole HTTP exchange, body included
    static constexpr int kAcceptBackoffMs = 250;
    static constexpr int kReservedDescriptors = 64;

    ConnectionSorter(const QByteArray &chatPath, const HostLimits &limits,
                     QObject *parent = nullptr);

    // QTcpServer::listen, then its own accepting: near the descriptor limit (the last
    // kReservedDescriptors, a quarter of a small limit, are kept for the history, files and
    // decoders) or out of descriptors (EMFILE, ENFILE) it stops and says so once, instead of
    // spinning on a listener that stays readable, and goes on when a connection ends or
    // kAcceptBackoffMs later.
    bool listenOn(const QHostAddress &address, quint16 port);
    void setOriginPolicy(const OriginPolicy &policy) { m_originPolicy = policy; }
    // Refused with 403 for the page and the chat alike (addresses as PeerAddress::plain).
    void setBlockedAddresses(const QSet<QHostAddress> &addresses) { m_blocked = addresses; }
    // With a configuration, every connection is TLS: HTTPS for the page, WSS for the chat.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    // The largest frame a chat connection may send (text frames up to it are re-framed whole
    // by ClientFrameGuard; larger ones are passed on for QWebSocket to refuse by size).
    void setLargestFrame(qint64 bytes) { m_largestFrame = bytes; }
    int connectionCount() const { return m_total; }
    // The TCP connection an upgraded WebSocket came on, found by its peer's address and port
    // (QWebSocket keeps it private). Each is handed out once; nullptr if it is gone.
    QTcpSocket *takeUpgradedSocket(const QHostAddress &peer, quint16 port);

signals:
    // The request head is still unread in the socket, ready for QWebSocketServer.
    void webSocketRequested(QTcpSocket *socket);
    // A GET or HEAD under /files/: the head is still in the socket (FileDownload answers).
    void fileRequested(QTcpSocket *socket, const RequestHead &head);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void acceptWaiting();
    void acceptAgain();
    void waitForDescriptors();
    void onReadyRead(QTcpSocket *socket);
    void sort(QTcpSocket *socket, const RequestHead &head);
    void release(QTcpSocket *socket);
    void handToHttpServer(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QByteArray &status, const QByteArray &explanation);
    void count(QTcpSocket *socket);

    QByteArray m_chatPath;
    HostLimits m_limits;
    OriginPolicy m_originPolicy{0, {}};
    QSet<QHostAddress> m_blocked;
    QHash<QHostAddress, int> m_perAddress;
    std::optional<QSslConfiguration> m_tls;
    qint64 m_largestFrame = 0;
    QHash<std::pair<QHostAddress, quint16>, QTcpSocket *> m_upgrading;
    int m_total = 0;
    QSocketNotifier *m_acceptor = nullptr;
    QTimer *m_acceptBackoff = nullptr;
    bool m_outOfDescriptors = false;
    int m_descriptorCeiling = 0; // accepted sockets stay below this descriptor number
    friend class ConnectionSlot;
};
