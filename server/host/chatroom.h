#pragma once

#include "clientpayload.h"
#include "memberregistry.h"
#include "serverevent.h"

#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QTimer>

class MessageStore;
class QWebSocket;

// The room: reads what each connection sends, stores messages before acknowledging them, and
// sends history, messages and presence to the members. Takes ownership of each QWebSocket it
// is given and deletes it when the peer goes away. Single-threaded.
class ChatRoom final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPresenceWindowMs = 100; // joins and leaves this close share one event
    static constexpr int kMaxHistoryPage = 500;

    ChatRoom(MessageStore &store, int backlog, int resumeGraceMs, QObject *parent = nullptr);

    void addConnection(QWebSocket *socket);
    QList<Tertulia::MemberInfo> members() const { return m_registry.members(); }
    int connectionCount() const { return int(m_connections.size()); }

signals:
    void memberJoined(const QString &name);
    void memberLeft(const QString &name);
    void messagePosted(const Tertulia::ChatMessage &message);

private:
    void onTextMessage(QWebSocket *socket, const QString &frame);
    void onDisconnected(QWebSocket *socket);
    bool join(QWebSocket *socket, const Tertulia::ClientPayload &request);
    void post(QWebSocket *socket, const Tertulia::ClientPayload &payload);
    void sendHistory(QWebSocket *socket, qint64 before, qint64 after, int limit);
    void refuseName(QWebSocket *socket, const Tertulia::ProtocolError &error);
    void sendError(QWebSocket *socket, const Tertulia::ProtocolError &error,
                   const QString &clientId = {});
    void broadcast(const QString &event, const QWebSocket *except);
    void schedulePresence();
    void flushPresence();
    void expireAwayMembers();

    MessageStore &m_store;
    MemberRegistry m_registry;
    QSet<QWebSocket *> m_connections; // every open connection, joined or not
    QSet<QWebSocket *> m_leaving; // connections that said goodbye
    QStringList m_pendingJoined;
    QStringList m_pendingLeft;
    QTimer m_presenceTimer;
    int m_backlog;
    int m_resumeGraceMs;
};
