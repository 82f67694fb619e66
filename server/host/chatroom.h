#pragma once

#include "clientpayload.h"
#include "deadlinequeue.h"
#include "historypager.h"
#include "hostsettings.h"
#include "memberregistry.h"
#include "passwordthrottle.h"
#include "peer.h"
#include "presencebroadcaster.h"
#include "roompassword.h"
#include "serverevent.h"
#include "storageguard.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>

class MessageStore;
class QTcpSocket;
class QWebSocket;

// The room: reads what each connection sends, stores messages before acknowledging them, and
// sends history, messages and presence to the members. Guards itself against what connections
// do: rate limits, a join deadline, dead peers, slow readers. Takes ownership of each
// QWebSocket it is given and deletes it when the peer goes away. Single-threaded.
class ChatRoom final : public QObject
{
    Q_OBJECT

public:
    // Unsent bytes a connection that has not joined may hold (pongs, errors) before it is cut.
    static constexpr qint64 kMaxQueuedBeforeJoining = 64 * 1024;
    static constexpr int kDrainIntervalMs = 20;
    static constexpr int kTypingIntervalMs = 1000;

    ChatRoom(MessageStore &store, const HostSettings &settings, QObject *parent = nullptr);
    // A room that goes without ending (a host torn down) cuts its connections: Qt's QWebSocket
    // would otherwise close them with 1001, which clients read as "the room ended".
    ~ChatRoom() override;

    // transport: the TCP connection under the WebSocket (nullptr if unknown): events are
    // framed here and written to it directly (FrameWriter).
    void addConnection(QWebSocket *socket, QTcpSocket *transport);
    QList<Tertulia::MemberInfo> members() const { return m_registry.members(); }
    int connectionCount() const { return int(m_peers.size()); }
    // Applies to joins from now on; members already in stay. Not set: anyone may join.
    void setPassword(const RoomPassword &password) { m_password = password; }
    bool hasPassword() const { return m_password.isSet(); }
    // Also lets in whoever gives it, password or not: the hosting window's own way in.
    void setHostKey(const QString &key) { m_hostKey = RoomPassword(key); }
    // Moderation by the host: removes a member (told why, announced as gone) — false if there is
    // no such member; a locked room takes no newcomers, members who drop may still come back.
    bool removeMember(const QString &name);
    // Where a member (present or away) last connected from; null if there is no such member.
    QHostAddress addressOf(const QString &name) const { return m_registry.addressOf(name); }
    void setLocked(bool locked) { m_locked = locked; }
    bool isLocked() const { return m_locked; }
    // The host ends the room for everyone (each is told why, then closed with 1001), or is
    // restarting (closed with 1012: clients come back by themselves). Newcomers are turned away
    // the same way from then on.
    void endRoom(const QString &reason) { closeEveryone(true, reason); }
    void closeForRestart() { closeEveryone(false, {}); }
    // Hands back the read buffers of connections with nothing waiting in them (ReadBuffer).
    void releaseIdleBuffers();

signals:
    void memberJoined(const QString &name);
    void memberLeft(const QString &name);
    void messagePosted(const Tertulia::ChatMessage &message);
    // Someone sent a wrong password: the `failures`-th in a row from that address.
    void passwordGuessed(const QHostAddress &address, int failures);

private:
    void onTextMessage(QWebSocket *socket, const QString &frame);
    bool admit(QWebSocket *socket, const QString &frame, bool binary = false);
    // Pings and pieces of a message: over the rate they cannot wait, so they count as strikes.
    void charge(QWebSocket *socket);
    void onFragment(QWebSocket *socket, bool isLast);
    void disconnectFlooder(QWebSocket *socket);
    qint64 queueBudget(QWebSocket *socket) const;
    void process(QWebSocket *socket, const QString &frame);
    void drainWaiting();
    void dispatch(QWebSocket *socket, const Tertulia::ClientPayload &payload);
    void onDisconnected(QWebSocket *socket);
    bool join(QWebSocket *socket, const Tertulia::ClientPayload &request);
    // Shuts the connection, saying why, unless the password lets it in.
    bool checkPassword(QWebSocket *socket, const QString &password);
    void post(QWebSocket *socket, const Tertulia::ClientPayload &payload);
    void refuseName(QWebSocket *socket, const Tertulia::ProtocolError &error);
    void shut(QWebSocket *socket, quint16 code, const Tertulia::ProtocolError &error);
    void sendError(QWebSocket *socket, const Tertulia::ProtocolError &error,
                   const QString &clientId = {});
    void deliver(QWebSocket *socket, const QByteArray &event); // UTF-8 JSON
    // frame: the event already framed by FrameWriter, the same bytes for every recipient.
    void deliverFrame(QWebSocket *socket, const QByteArray &event, const QByteArray &frame);
    // The peer, if it can take `bytes` more; a reader too far behind is dropped (nullptr).
    Peer *keepsUp(QWebSocket *socket, qint64 bytes);
    void broadcast(const QByteArray &event, const QWebSocket *except);
    void releaseMember(QWebSocket *socket, bool leaving);
    void announceLeft(const QString &name); // every way of leaving ends here
    void expireAwayMembers();
    void scheduleAwayExpiry();
    void sweepIdle();
    void closeEveryone(bool ending, const QString &reason);
    void sendAway(QWebSocket *socket); // as the room is closing: told why, then closed

    MessageStore &m_store;
    HostSettings m_settings;
    RoomPassword m_password;
    RoomPassword m_hostKey;
    PasswordThrottle m_passwordThrottle;
    StorageGuard m_storageGuard;
    MemberRegistry m_registry;
    QHash<QWebSocket *, Peer> m_peers; // every open connection, joined or not
    PresenceBroadcaster m_presence;
    HistoryPager m_history;
    QTimer m_idleTimer;
    qint64 m_lastSweepMs = 0;
    QTimer m_drainTimer;
    QTimer m_awayTimer; // the next away member's grace ends
    DeadlineQueue m_joinDeadlines; // connections that must have joined by then
    bool m_locked = false;
    bool m_closing = false; // ended or restarting
    bool m_ended = false;
    QString m_endReason;
    QByteArray m_limitsJson; // the welcome's "limits", the same for everyone
};
