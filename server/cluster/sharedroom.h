#pragma once

#include "storedmessage.h"

#include <QtCore/QDateTime>
#include <QtCore/QObject>

#include <optional>

// A member as the hosts of one room tell each other about it.
struct SharedMember
{
    QString name;
    QString node; // the host (node) its connection is on
    QDateTime since;
    bool host = false;
    bool away = false;
    // Grows each time a host claims the name: news of an older claim is out of date.
    qint64 generation = 0;
    QString memberId; // MemberRegistry::memberIdOf: whose direct messages it reads
};

// What one room's hosts share when several serve it (RedisRoom): one order for messages, names
// unique across them, who is where. A host without one is alone and needs none of it.
class SharedRoom : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    struct Sequenced
    {
        qint64 id = 0;
        bool duplicate = false; // a resend: id is the earlier one's
    };
    struct NameClaim
    {
        enum Outcome { Free, Taken, Unreachable } outcome = Unreachable;
        qint64 generation = 0; // Free: this claim's
    };

    virtual QString node() const = 0;
    // Stored in the room's one order; nothing if that cannot be done now. The message itself
    // arrives as stored(), here as on every host.
    virtual std::optional<Sequenced> append(const StoredMessage &message) = 0;
    // Free: the name is this host's now (nobody had it, its host is gone, or resumeToken is
    // its owner's). Then holdName() once the member is in, or releaseName() if it is not;
    // holdName() again when it goes away (it keeps its name and token). Holding a name another
    // host has claimed since does nothing.
    virtual NameClaim claimName(const SharedMember &member, const QString &resumeToken) = 0;
    virtual void holdName(const SharedMember &member, const QString &resumeToken) = 0;
    virtual void releaseName(const QString &name) = 0; // the member left this host
    virtual void typing(const QString &name) = 0;
    virtual void remove(const QString &name) = 0; // asks the member's host to remove it
    virtual void setLocked(bool locked) = 0;
    // A password set or removed from a window: RoomPassword::record(), empty for none.
    virtual void setPassword(const QByteArray &record) = 0;
    virtual bool isLocked() = 0;
    virtual QList<SharedMember> members() = 0; // on the other hosts that are alive

signals:
    void stored(const StoredMessage &message); // every message, once, in id order
    void memberChanged(const SharedMember &member); // here or away, on another host
    void memberLeft(const QString &name, const QString &node);
    void nodeLost(const QString &node); // stopped beating: its members are away
    void typingElsewhere(const QString &name);
    void removalAsked(const QString &name);
    void lockChanged(bool locked);
    void passwordChanged(const QByteArray &record); // set from a window on some host
    void lost(); // cannot reach what is shared; messages are refused meanwhile
    void reconnected(); // reached again and caught up: hold the names again
};
