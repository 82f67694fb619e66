#pragma once

#include "filesender.h"
#include "serverevent.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtWebSockets/QWebSocket>

// The native client's side of the protocol: one WebSocket to a host, decoded into signals.
// Keeps an outbox of unacknowledged messages and resends it after reconnecting; reconnects by
// itself with backoff and catches up on what it missed, until close() or the host says to stop
// (what each of its codes asks of a client is the protocol's table, errorcode.h).
class ChatConnection final : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)
    // Recent: the page a newcomer gets. Older: a page asked for with requestOlderThan().
    // Missed: what was said while this client was away.
    enum class HistoryKind { Recent, Older, Missed };
    Q_ENUM(HistoryKind)

    explicit ChatConnection(QObject *parent = nullptr);
    ~ChatConnection() override;

    // Accepts the address a browser uses (http://host:port/) or the socket's (ws://host:port/ws).
    static QUrl socketUrl(const QUrl &address);

    // password: the room's, when it has one; sent in the join message, never in the URL.
    void open(const QUrl &address, const QString &name, const QString &password = {});
    // For hosts with a self-signed certificate: trust exactly the one with this SHA-256
    // fingerprint ("AB:CD:…", as the host prints it), whatever else is wrong with it.
    void setPinnedFingerprint(const QString &fingerprint);
    void setPassword(const QString &password) { m_password = password; }
    // The host's certificate when it is the pinned one (setPinnedFingerprint) and the socket is
    // connected to it; null otherwise. File downloads trust exactly that certificate.
    QSslCertificate pinnedCertificate() const;
    // A pin is the certificate's SHA-256 or its first half at least (LAN announcements carry
    // that much); shorter ones are ignored.
    static constexpr int kMinPinnedBytes = 16;

    // Leaves the room for good (a clean close); unsent messages stay in the outbox.
    void close();
    // After the host said to stop (stopped()): one deliberate try again, the host decides.
    void retry();

    // Queues the message and sends it as soon as the room is reachable. Returns its client id.
    // to: a member's name for a direct message only they receive; empty for the whole room.
    QString send(const QString &text, const QString &to = {});
    // Sends a file from disk to the room (or to `to` alone): offered to the host, then sent in
    // pieces as it acknowledges them, going on from what it has after a reconnection. Returns
    // its client id, like send(): the message that carries it is acknowledged with it, a
    // refusal comes as messageFailed(); empty, with `error` saying why, if it cannot be read.
    QString sendFile(const QString &path, const QString &to, QString *error);
    void cancelFile(const QString &clientId);
    // The window keeps its unfinished uploads in `directory`, one file per room and name, so it
    // goes on with them after a restart (the probe and the tests keep nothing). What was
    // waiting there comes as uploadRestored(), now if a room was opened, else on open().
    void keepUploadsIn(const QString &directory);
    // Where this member reads a file (or a picture's thumbnail): the host's address, the
    // file's path and this member's file key.
    QUrl fileUrl(const Tertulia::FileInfo &file, bool thumbnail = false) const;
    // Tells the others you are typing; call it as you type, it sends at most every 2 s.
    void sendTyping();
    // Asks for messages older than `id`; they arrive through historyReceived().
    void requestOlderThan(qint64 id, int limit = Tertulia::ClientPolicy::kOlderPage);

    State state() const { return m_state; }
    QString name() const { return m_name; }
    QUrl address() const { return m_address; }
    // Whether the room ever let this connection in: if not, a failure means the host could
    // not be reached at all (lastError() says why), not that a connection was lost.
    bool hasJoined() const { return m_hasJoined; }
    QString lastError() const { return m_lastError; }
    // Whether a reconnection is waiting on its timer: false once the host said to stop, so
    // "nothing comes back by itself" is a fact to read, not a wait to sit through.
    bool reconnectScheduled() const { return m_reconnectTimer.isActive(); }
    // Everyone, in a room small enough to be sent whole (membersComplete()); in a larger one
    // the rows last received (watchMembers()).
    QList<Tertulia::MemberInfo> members() const { return m_members; }
    bool membersComplete() const { return m_membersComplete; }
    int memberCount() const { return m_memberCount; }
    // Rows [from, from + count) of a large room's list (by name): sent now and whenever they
    // change, through memberRowsReceived(); kept across reconnections. Replaces the last.
    void watchMembers(int from, int count);
    // Members whose name starts with `prefix`, through membersFound().
    void findMembers(const QString &prefix, int count = 10);
    int unacknowledgedCount() const { return int(m_outbox.size()); }
    // What the host allows, as its last welcome said (the protocol's defaults before that).
    Tertulia::RoomLimits limits() const { return m_limits; }
    // Why text cannot be sent as a message here (empty if it can): checked as the host does.
    QString problemWithMessage(const QString &text) const;

signals:
    // An attempt to connect failed (lastError() says why); another follows unless stopped.
    void attemptFailed(const QString &reason);
    void stateChanged(ChatConnection::State state);
    void joined(const QString &name);
    void messageReceived(const Tertulia::ChatMessage &message);
    // hasMore: for Recent and Older pages, whether older messages exist beyond them.
    void historyReceived(const QList<Tertulia::ChatMessage> &messages,
                         ChatConnection::HistoryKind kind, bool hasMore);
    void messageAcknowledged(const QString &clientId, qint64 id, const QDateTime &time);
    void messageFailed(const QString &clientId, const QString &reason);
    // One of this client's files is stored: this is the file as the room has it;
    // messageAcknowledged() for its message follows at once.
    void fileAcknowledged(const QString &clientId, const Tertulia::FileInfo &file);
    // Bytes of one of this client's files the host has stored.
    void uploadProgress(const QString &clientId, qint64 stored, qint64 size);
    void uploadStage(const QString &clientId, Tertulia::Events::FileProgress::Stage stage,
                     int ahead);
    // One of this client's uploads, kept from a run before, waiting to go on (keepUploadsIn).
    void uploadRestored(const QString &clientId, const QString &name, qint64 size,
                        const QString &to);
    // Someone's upload as it goes (ended: finished or given up).
    void uploadSeen(const Tertulia::Events::Upload &upload);
    // others: in a large room, comings and goings beyond the names given.
    void presenceChanged(const QStringList &joined, const QStringList &left, int others);
    // A room small enough to list everyone: this is everyone.
    void membersChanged(const QList<Tertulia::MemberInfo> &members);
    // A larger room: how many there are, and rows of its list from `from` (none: only the
    // count changed).
    void memberRowsReceived(int total, int from, const QList<Tertulia::MemberInfo> &rows);
    void membersFound(const QString &prefix, const QList<Tertulia::MemberInfo> &members);
    void nameRefused(const QString &reason);
    void typingReceived(const QString &name);
    void passwordRefused(const QString &reason);
    void errorReceived(const QString &code, const QString &reason);
    // The host said to stop (removed, room locked, replaced, room ended): no reconnection
    // follows by itself. code: the protocol's name for why.
    void stopped(const QString &code, const QString &reason);

private:
    struct Outgoing
    {
        QString clientId;
        QString text;
        QString to;
    };

    void onTextMessage(const QString &frame);
    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void connectSocket();
    void setState(State state);
    // One handler per event the host sends (ServerEvent's alternatives).
    void on(const Tertulia::Events::Welcome &event);
    void on(const Tertulia::Events::Message &event);
    void on(const Tertulia::Events::Ack &event);
    void on(const Tertulia::Events::Presence &event);
    void on(const Tertulia::Events::History &event);
    void on(const Tertulia::Events::Typing &event);
    void on(const Tertulia::Events::Error &event);
    void on(const Tertulia::Events::RoomEnded &event);
    void on(const Tertulia::Events::FileAccepted &event) { m_files.accepted(event); }
    void on(const Tertulia::Events::FileProgress &event) { m_files.progressed(event); }
    void on(const Tertulia::Events::Upload &event) { emit uploadSeen(event); }
    void on(const Tertulia::Events::Members &event);
    // Stops reconnecting: the host's code asks the client to stop, ask a name or a password.
    void stopFor(const Tertulia::ErrorSpec &spec, const QString &reason);
    void transmit(const Outgoing &message);
    void see(qint64 id);
    void restoreUploads(); // from the keeping file of this room and name, if kept

    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    QUrl m_address;
    QString m_name;
    QString m_resumeToken;
    QString m_password;
    QByteArray m_pinnedDigest;
    bool isPinned(const QSslCertificate &certificate) const;
    qint64 m_lastTypingMs = 0;
    QList<Tertulia::MemberInfo> m_members;
    bool m_membersComplete = true;
    int m_memberCount = 0;
    QPair<int, int> m_watched{0, 0}; // from, count
    Tertulia::RoomLimits m_limits;
    QList<Outgoing> m_outbox; // oldest first
    // The host could not store a message yet (a retry error): the outbox goes again after a
    // pause that doubles (1 s to 15 s), reset by the next acknowledgement.
    QTimer m_resendTimer;
    int m_resendDelayMs = Tertulia::ClientPolicy::kFirstResendMs;
    qint64 m_lastSeenId = -1; // the newest room message this client has seen
    State m_state = State::Disconnected;
    int m_failedAttempts = 0;
    bool m_wantOpen = false;
    bool m_hasJoined = false;
    QString m_lastError; // the socket's, from the last failed attempt
    QString m_fileKey;
    QString m_uploadsDirectory;
    FileSender m_files;
};
