#pragma once

#include "hostsettings.h"

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

#include <memory>

class ChatRoom;
class ConnectionSorter;
class MessageStore;
class QHttpServer;
class QWebSocketServer;

// The host: one port that serves the browser page over HTTP and the chat over a WebSocket at
// /ws, with the room's history in a database. Owns the servers, the room and the store.
class ChatHost final : public QObject
{
    Q_OBJECT

public:
    explicit ChatHost(QObject *parent = nullptr);
    ~ChatHost() override;

    enum class Failure { None, History, Tls, Listen };

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
    void setPassword(const QString &password);
    bool removeMember(const QString &name);
    void setLocked(bool locked);
    int pageLoads() const { return m_pageLoads; } // how often the page itself was served

signals:
    void closed();
    // The page was loaded, or someone joined or left: the share panel's live feedback.
    void reachChanged();
    // A wrong room password: the `failures`-th in a row from that address (each makes the
    // address wait longer before its next try).
    void passwordGuessed(const QString &address, int failures);

private:
    void onWebSocketReady();
    void waitUntilClosed();
    bool loadTls(const HostSettings &settings);

    QHttpServer *m_http = nullptr;
    ConnectionSorter *m_sorter = nullptr; // exists once started
    QWebSocketServer *m_webSockets = nullptr;
    std::unique_ptr<MessageStore> m_store;
    ChatRoom *m_room = nullptr; // exists once started
    QString m_errorString;
    Failure m_failure = Failure::None;
    HostSettings m_settings;
    QString m_certificateFingerprint;
    int m_pageLoads = 0;
};
