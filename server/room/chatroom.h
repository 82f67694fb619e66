#pragma once

#include "clientrequest.h"
#include "commitgroup.h"
#include "fileaccess.h"
#include "fileuploads.h"
#include "historypager.h"
#include "hostsettings.h"
#include "memberlists.h"
#include "memberregistry.h"
#include "messagestore.h"
#include "passwordcheck.h"
#include "passwordhasher.h"
#include "presencebroadcaster.h"
#include "roomconnections.h"
#include "serverevent.h"
#include "sharedroom.h"
#include "storageguard.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>

class QTcpSocket;
class QWebSocket;

// The room: who may join and under which name, what members say (stored before it is
// acknowledged, then delivered), and what the host decides (remove, lock, end). Its parts do
// the rest: RoomConnections the wire and what it may cost, PresenceBroadcaster who comes and
// goes, HistoryPager what was said before, MemberRegistry who is who. Single-threaded.
class ChatRoom final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTypingIntervalMs = 1000;

    ChatRoom(MessageStore &store, const HostSettings &settings, QObject *parent = nullptr);
    ~ChatRoom() override;
    // Opens where files are kept (DATA_DIR/files) and clears what nothing owns there.
    bool openFiles(QString *errorString) { return m_uploads.open(errorString); }

    // A file as a member asks for it over HTTP (FileAccess: who may read what).
    std::optional<FileDownload::Found> fileFor(const QString &fileId, const QString &key,
                                               bool thumbnail) const
    {
        return m_fileAccess.find(fileId, key, thumbnail);
    }
    // Deletes files no message carries any more (after retention pruned some, say).
    void sweepFiles() { m_uploads.sweep(); }

    // Several hosts serve this room through `shared` (not owned): connect before it opens, so
    // that what it catches up on arrives here. See chatroomshared.cpp.
    void share(SharedRoom *shared);
    // transport: the TCP connection under the WebSocket, if known (see RoomConnections).
    void addConnection(QWebSocket *socket, QTcpSocket *transport);
    QList<Tertulia::MemberInfo> members() const { return m_registry.members(); }
    int memberCount() const { return m_registry.count(); } // members().size(), without the list
    int connectionCount() const { return m_connections.count(); }
    QString hostName() const { return m_registry.hostName(); } // empty if the host is not in
    // Applies to joins from now on; members already in stay. Not set: anyone may join.
    void setPassword(const RoomPassword &password) { m_passwordCheck.setPassword(password); }
    // The same, chosen by the host now: with other hosts, for every host of the room.
    void changePassword(const RoomPassword &password);
    bool hasPassword() const { return m_passwordCheck.isSet(); }
    // Also lets in whoever gives it, password or not: the hosting window's own way in.
    void setHostKey(const QString &key) { m_passwordCheck.setHostKey(key); }
    // Moderation by the host: removes a member (told why, announced as gone; its resume token
    // is void) — false if there is no such member; a locked room takes no newcomers, members
    // who drop may still come back.
    bool removeMember(const QString &name);
    // Where a member (present or away) last connected from; null if there is no such member.
    QHostAddress addressOf(const QString &name) const { return m_registry.addressOf(name); }
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    // The host ends the room for everyone (each is told why, then closed with 1001), or is
    // restarting (closed with 1012: clients come back by themselves). Newcomers are turned away
    // the same way from then on.
    void endRoom(const QString &reason) { closeEveryone(true, reason); }
    void closeForRestart() { closeEveryone(false, {}); }
    // Over a few passes of the event loop; idleBuffersReleased() once done.
    void releaseIdleBuffers() { m_connections.releaseIdleBuffers(); }

signals:
    void idleBuffersReleased();
    void memberJoined(const QString &name);
    void memberLeft(const QString &name);
    void messagePosted(const Tertulia::ChatMessage &message);
    // Someone sent a wrong password: the `failures`-th in a row from that address.
    void passwordGuessed(const QHostAddress &address, int failures);

private:
    void process(QWebSocket *socket, const QString &frame);
    void dispatch(QWebSocket *socket, const Tertulia::ClientRequest &request);
    // False if not (yet) joined: refused, or waiting for its password's digest, after which
    // it goes on (and `then`, a message that came with the join, is posted).
    bool join(QWebSocket *socket, const Tertulia::Requests::Join &request,
              const std::optional<Tertulia::Requests::Message> &then = std::nullopt);
    bool admit(QWebSocket *socket, const Tertulia::Requests::Join &request); // past the door
    void refusePassword(QWebSocket *socket, const PasswordCheck::Refusal &refusal);
    void refuseName(QWebSocket *socket, const Tertulia::ProtocolError &error);
    void post(QWebSocket *socket, const Tertulia::Requests::Message &message);
    // What `to` names, as the room spells it; empty and the sender told if nobody (false).
    bool findRecipient(QWebSocket *socket, const QString &to, const QString &clientId,
                       QString *recipient);
    // Stored: delivered to its readers and acknowledged to its sender (if connected).
    void deliverStored(QWebSocket *sender, const std::optional<MessageStore::Appended> &appended,
                       const QString &clientId);
    void offerFile(QWebSocket *socket, const Tertulia::Requests::FileOffer &offer);
    void postFile(const UploadRecord &upload, const StoredFile &file);
    void onChunk(QWebSocket *socket, const QByteArray &frame);
    FileUploads::Sender senderOf(QWebSocket *socket) const;
    // What a message to `recipient` (empty: the room) is stored with: its two parties.
    MessageStore::Direct directTo(const QString &sender, const QString &recipient) const;
    void onTyping(QWebSocket *socket, const QString &name);
    void broadcast(const QByteArray &event, const QWebSocket *except);
    void releaseMember(QWebSocket *socket, bool leaving);
    void announceLeft(const QString &name); // every way of leaving ends here
    void leftHere(const QString &name); // a member of this host's: the other hosts are told
    void expireAwayMembers();
    void scheduleAwayExpiry();
    void closeEveryone(bool ending, const QString &reason);
    void sendAway(QWebSocket *socket); // as the room is closing: told why, then closed
    void replace(QWebSocket *previous); // its member is back on another connection

    // With other hosts (chatroomshared.cpp).
    enum class SharedClaim { Here, Elsewhere, Refused };
    // *generation: of a new claim across hosts (0: none was needed).
    SharedClaim claimShared(qint64 *generation, QWebSocket *socket,
                            const Tertulia::Requests::Join &request, const QDateTime &now,
                            bool host);
    // What this host tells the others of one of its members (present or away, its token).
    void holdShared(const QString &name);
    void postShared(QWebSocket *socket, const StoredMessage &message);
    void onSharedStored(const StoredMessage &message);
    void onSharedMember(const SharedMember &member);
    void onSharedLeft(const QString &name, const QString &node);
    void onNodeLost(const QString &node);
    void holdEveryName();
    void forgetAwaitingAcks(QWebSocket *socket);

    MessageStore &m_store;
    CommitGroup m_commits; // the pass's messages: stored together, then delivered
    HostSettings m_settings;
    PasswordCheck m_passwordCheck;
    PasswordHasher m_passwordHasher;
    StorageGuard m_storageGuard;
    MemberRegistry m_registry;
    RoomConnections m_connections;
    PresenceBroadcaster m_presence;
    MemberLists m_memberLists;
    HistoryPager m_history;
    FileUploads m_uploads;
    FileAccess m_fileAccess;
    QTimer m_awayTimer; // the next away member's grace ends
    bool m_locked = false;
    bool m_closing = false; // ended or restarting
    bool m_ended = false;
    QString m_endReason;
    QByteArray m_limitsJson; // the welcome's "limits", the same for everyone
    SharedRoom *m_shared = nullptr;
    struct AwaitingAck
    {
        QWebSocket *socket; // nullptr once it is gone
        QString clientId;
    };
    // Stored through the shared room; acknowledged when it comes back in the room's order.
    QHash<qint64, QList<AwaitingAck>> m_awaitingAcks;
};
