#pragma once

#include "serverevent.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtWebSockets/QWebSocket>

// The native client's side of the protocol: one WebSocket to a host, decoded into signals.
// Reconnects by itself, with backoff, until close() or until the host refuses the name.
class ChatConnection final : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit ChatConnection(QObject *parent = nullptr);
    ~ChatConnection() override;

    // Accepts the address a browser uses (http://host:port/) or the socket's (ws://host:port/ws).
    static QUrl socketUrl(const QUrl &address);

    void open(const QUrl &address, const QString &name);
    void close();

    // Returns the client id the message is sent with, or an empty string when not connected.
    QString send(const QString &text);

    State state() const { return m_state; }
    QString name() const { return m_name; }
    QUrl address() const { return m_address; }
    QList<Tertulia::MemberInfo> members() const { return m_members; }

signals:
    void stateChanged(ChatConnection::State state);
    void joined(const QString &name);
    void messageReceived(qint64 id, const QString &name, const QString &text,
                         const QDateTime &time);
    void messageAcknowledged(const QString &clientId, qint64 id, const QDateTime &time);
    void presenceChanged(const QStringList &joined, const QStringList &left);
    void membersChanged(const QList<Tertulia::MemberInfo> &members);
    void nameRefused(const QString &reason);
    void errorReceived(const QString &code, const QString &reason);

private:
    void onTextMessage(const QString &frame);
    void onConnected();
    void onDisconnected();
    void connectSocket();
    void setState(State state);
    void handle(const Tertulia::ServerEvent &event);

    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    QUrl m_address;
    QString m_name;
    QList<Tertulia::MemberInfo> m_members;
    State m_state = State::Disconnected;
    int m_failedAttempts = 0;
    bool m_wantOpen = false;
};
