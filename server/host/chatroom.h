#pragma once

#include "clientpayload.h"
#include "serverevent.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>

class QWebSocket;

// The room: which connection speaks under which name, and who receives what. Takes ownership of
// each QWebSocket it is given and deletes it when the peer goes away. Single-threaded.
class ChatRoom final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPresenceWindowMs = 100; // joins and leaves this close share one event

    explicit ChatRoom(QObject *parent = nullptr);

    void addConnection(QWebSocket *socket);
    QList<Tertulia::MemberInfo> members() const;
    int connectionCount() const { return int(m_connections.size()); }

signals:
    void memberJoined(const QString &name);
    void memberLeft(const QString &name);
    void messagePosted(qint64 id, const QString &name, const QString &message);

private:
    struct Connection
    {
        QString name; // empty until the connection has joined
        QDateTime since;
    };

    void onTextMessage(QWebSocket *socket, const QString &frame);
    void onBinaryMessage(QWebSocket *socket);
    void onDisconnected(QWebSocket *socket);
    bool join(QWebSocket *socket, const QString &name);
    void post(QWebSocket *socket, const Tertulia::ClientPayload &payload);
    void refuseName(QWebSocket *socket, const Tertulia::ProtocolError &error);
    void sendError(QWebSocket *socket, const Tertulia::ProtocolError &error);
    void broadcast(const QString &event, const QWebSocket *except);
    void schedulePresence();
    void flushPresence();

    QHash<QWebSocket *, Connection> m_connections;
    QHash<QString, QWebSocket *> m_membersByKey; // Names::uniquenessKey → connection
    QList<QWebSocket *> m_memberOrder; // joined members, oldest first
    QStringList m_pendingJoined;
    QStringList m_pendingLeft;
    QTimer m_presenceTimer;
    qint64 m_lastMessageId = 0;
};
