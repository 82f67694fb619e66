#pragma once

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

class ChatRoom;
class ConnectionSorter;
class QHttpServer;
class QWebSocketServer;

// The host: one port that serves the browser page over HTTP and the chat over a WebSocket at
// /ws. Owns the HTTP server, the WebSocket server and the room.
class ChatHost final : public QObject
{
    Q_OBJECT

public:
    explicit ChatHost(QObject *parent = nullptr);
    ~ChatHost() override;

    // Port 0 picks a free port. On failure, errorString() says why.
    bool listen(const QHostAddress &address, quint16 port);
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString errorString() const { return m_errorString; }

    ChatRoom *room() const { return m_room; }

private:
    void onWebSocketReady();

    QHttpServer *m_http = nullptr;
    ConnectionSorter *m_sorter = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    ChatRoom *m_room = nullptr;
    QString m_errorString;
};
