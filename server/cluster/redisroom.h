#pragma once

#include "redislink.h"
#include "redissubscriber.h"
#include "sharedroom.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtCore/QTimer>

// A room shared through Redis (README: Outgrowing one host): messages get their ids from one
// Lua script that counts, stores in a stream and publishes; names live in a hash; each host
// beats a key that expires. Blocking calls with short timeouts on the room's thread, like
// SQLite's commits.
class RedisRoom final : public SharedRoom
{
    Q_OBJECT

public:
    static constexpr int kBeatMs = 1000;
    static constexpr int kBeatTtlMs = 5000; // a host silent this long is gone
    static constexpr int kMaxBackoffMs = 4000;

    // keepMessages: the stream keeps about that many (XADD MAXLEN ~).
    RedisRoom(const RedisAddress &address, qint64 keepMessages, QObject *parent = nullptr);
    ~RedisRoom() override; // stops beating at once: the others need not wait to know

    // Connects, subscribes and delivers (stored()) every message after lastId. False with
    // *errorString if Redis cannot be reached.
    bool open(qint64 lastId, QString *errorString);

    QString node() const override { return QString::fromLatin1(m_node); }
    std::optional<Sequenced> append(const StoredMessage &message) override;
    NameClaim claimName(const SharedMember &member, const QString &resumeToken) override;
    void holdName(const SharedMember &member, const QString &resumeToken) override;
    void releaseName(const QString &name) override;
    void typing(const QString &name) override;
    void remove(const QString &name) override;
    void setLocked(bool locked) override;
    void setPassword(const QByteArray &record) override;
    bool isLocked() override;
    QList<SharedMember> members() override;

private:
    bool connectAll();
    bool loadScripts();
    void onReceived(const QByteArray &payload);
    void onMessage(qint64 id, const QByteArray &record);
    bool catchUp(qint64 untilId); // delivers what the stream has after m_delivered
    bool tellWhoIsIn(); // the other hosts' members and the lock, as if just announced
    void publish(char kind, const QByteArray &json);
    void beat();
    void goDown();
    void tryReconnect();
    QList<RedisReply> run(const QList<QByteArrayList> &commands); // goes down on failure

    RedisLink m_link;
    RedisSubscriber m_subscriber;
    RedisAddress m_address;
    QByteArray m_node;
    qint64 m_keepMessages;
    QByteArray m_appendScript, m_claimScript, m_holdScript, m_releaseScript; // SHA-1s
    qint64 m_delivered = 0;
    bool m_up = false;
    QTimer m_beat;
    QTimer m_reconnect;
    int m_backoffMs = 250;
    QSet<QString> m_otherNodes; // seen holding members
    QHash<QString, qint64> m_silentSinceMs; // other nodes whose beat was missing
};
