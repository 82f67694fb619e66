#pragma once

#include "hostsettings.h"

#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtNetwork/QHostAddress>

#include <memory>

class ChatRoom;
class ConnectionSorter;
class MessageStore;
class QHttpServer;
class RoomAnnouncer;
struct RoomAnnouncement;
class QWebSocketServer;

// The host: one port that serves the browser page over HTTP and the chat over a WebSocket at
// /ws, with the room's history in a database. Owns the servers, the room and the store.
class ChatHost final : public QObject
{
    Q_OBJECT

public:
    explicit ChatHost(QObject *parent = nullptr);
    ~ChatHost() override;

    // Listen: the port is taken (or refused); Address: the address is not this computer's.
    enum class Failure { None, History, Tls, Listen, Address };

    // Opens the history, then listens. On failure, errorString() says why and failure() what.
    bool start(const HostSettings &settings);
    Failure failure() const { return m_failure; }
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString errorString() const { return m_errorString; }
    int connectionCount() const; // TCP connections open now, HTTP and WebSocket
    bool usesTls() const { return !m_certificateFingerprint.isEmpty(); }
    // SHA-256 of the TLS certificate, "AB:CD:…"; empty without TLS. For pinning by clients.
    QString certificateFingerprint() const { return m_certificateFingerprint; }

    ChatRoom *room() const { return m_room; }
    int memberCount() const; // members present and away
    // Ends the room for everyone (each told `reason`, closed with 1001, nobody new let in), or
    // closes every connection for a restart (1012: clients come back by themselves). closed()
    // follows once every connection has gone, or kCloseWaitMs later at most.
    void endRoom(const QString &reason);
    void closeForRestart();
    static constexpr int kCloseWaitMs = 3000;
    // Applies to joins from now on and is kept in the data directory across restarts (a
    // --password given at start wins over a saved one, and is not saved). Empty: anyone may
    // join. False, with errorString(), if it could not be saved (it still applies now).
    bool setPassword(const QString &password);
    bool hasPassword() const;
    // Lets its bearer in whatever the password: for the hosting window's own connection.
    // Random for each run, never shown or saved.
    QString hostKey() const { return m_hostKey; }
    // block: also refuse the member's device (its address) for the rest of this run, page
    // and chat alike (403). This computer's loopback addresses are never blocked.
    bool removeMember(const QString &name, bool block = false);
    // Refuses an address (PeerAddress::plain) for the rest of this run, page and chat (403).
    void block(const QHostAddress &address);
    QStringList blockedAddresses() const;
    void unblock(const QString &address);
    void setLocked(bool locked);
    // How many devices (addresses) have opened the page, reloads not counted.
    int visitorCount() const { return int(m_visitors.size()); }
    // The room as /room tells anyone: who hosts it, how many are in, password, locked.
    QByteArray summaryJson() const;
    // What the LAN is told of the room (--announce): name, members, password, lock, TLS.
    RoomAnnouncement announcement() const;

signals:
    void closed();
    // The page was loaded, or someone joined or left: the share panel's live feedback.
    void reachChanged();
    // A wrong room password: the `failures`-th in a row from that address (each makes the
    // address wait longer before its next try).
    void passwordGuessed(const QString &address, int failures);
    void blockedAddressesChanged();

private:
    void onWebSocketReady();
    qint64 largestIncomingFrame() const; // what one frame from a member may hold
    void waitUntilClosed();
    bool loadTls(const HostSettings &settings);
    bool shareRoom(); // through Redis (--redis)
    void announce(); // on the LAN (--announce)

    QHttpServer *m_http = nullptr;
    ConnectionSorter *m_sorter = nullptr; // exists once started
    QWebSocketServer *m_webSockets = nullptr;
    std::unique_ptr<MessageStore> m_store;
    ChatRoom *m_room = nullptr; // exists once started
    QString m_errorString;
    Failure m_failure = Failure::None;
    HostSettings m_settings;
    QString m_certificateFingerprint;
    QSet<QHostAddress> m_visitors;
    QString m_hostKey;
    QSet<QHostAddress> m_blocked;
    QString m_announcementId; // random for each run
    RoomAnnouncer *m_announcer = nullptr; // exists while announcing
};
