#pragma once

#include "errorcode.h"
#include "serverevent.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtNetwork/QHostAddress>

#include <list>

class QWebSocket;

// Who is in the room under which name, and which connection speaks for them. A member whose
// connection drops stays "away" for a grace period; the same client (its resume token) can
// reclaim the name meanwhile, anyone else is refused it. Knows nothing of sending. Lookups by
// name and by connection are hashed: a crowd of N joining costs N, not N² (bench/ at 10 000).
class MemberRegistry final
{
public:
    // Names held for members who dropped: from one client address, and in all. A member who
    // drops beyond them leaves at once (2 005 quick drops were all held for a minute).
    static constexpr int kMaxAwayPerAddress = 32;
    static constexpr int kMaxAway = 1000;

    enum class Outcome { Joined, Resumed, Refused };

    struct Claim
    {
        Outcome outcome = Outcome::Refused;
        Tertulia::ProtocolError error{}; // Refused
        QString name; // Joined, Resumed
        QString resumeToken; // Joined, Resumed
        QWebSocket *replaced = nullptr; // Resumed: the member's previous, still open connection
    };

    // resumable: the client asked for a resume token; only such members go away instead of
    // leaving when their connection drops.
    Claim claim(QWebSocket *socket, const QString &name, const QString &resumeToken, bool resumable,
                const QHostAddress &address, const QDateTime &now);
    // The connection is gone: the member leaves now (a clean close, or no room is left for
    // away members from its address) or goes away (a drop). Returns the member's name, or an
    // empty string if the connection had not joined; *left says which it did.
    QString release(QWebSocket *socket, bool leaving, const QDateTime &now, bool *left = nullptr);
    // Away members whose grace period ended leave; returns their names.
    QStringList expire(const QDateTime &deadline);

    QString nameOf(const QWebSocket *socket) const;
    QWebSocket *connectionOf(const QString &name) const; // nullptr: no such member, or away
    bool isMember(const QString &name) const; // present or away, ignoring case
    // The member's name as they spelled it (present or away), or empty if there is none.
    QString spellingOf(const QString &name) const;
    // Forgets an away member at once; returns its name, or an empty string if there is none.
    QString removeAway(const QString &name);
    bool isResumable(const QWebSocket *socket) const;
    QList<QWebSocket *> connections() const; // members with a live connection, oldest first
    QList<Tertulia::MemberInfo> members() const;
    bool hasAwayMembers() const;

private:
    struct Member
    {
        QString name;
        QString key; // Names::uniquenessKey(name)
        QString skeleton; // NameSkeleton::of(name): what it looks like
        QDateTime since;
        QString resumeToken;
        QWebSocket *socket = nullptr; // nullptr while away
        QDateTime awaySince;
        bool resumable = false;
        QHostAddress address; // of the connection it joined on
    };

    using MemberList = std::list<Member>; // iterators stay valid as others come and go

    const Member *find(const QString &name) const; // by name, ignoring case
    MemberList::iterator erase(MemberList::iterator member);
    void countAway(const Member &member, int change);

    MemberList m_members; // oldest first
    QHash<QString, MemberList::iterator> m_byKey;
    QHash<QString, MemberList::iterator> m_bySkeleton;
    QHash<const QWebSocket *, MemberList::iterator> m_bySocket; // live connections only
    QHash<QHostAddress, int> m_awayByAddress;
    int m_away = 0;
};
