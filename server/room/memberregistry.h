#pragma once

#include "errorcode.h"
#include "memberindex.h"
#include "serverevent.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtNetwork/QHostAddress>

#include <deque>
#include <list>
#include <optional>

class QWebSocket;

// Who is in the room under which name, and which connection speaks for them. A member whose
// connection drops stays "away" for a grace period; the same client (its resume token) can
// reclaim the name meanwhile, anyone else is refused it. Knows nothing of sending. Lookups by
// name and by connection are hashed: a crowd of N joining costs N, not N² (docs/DESIGN.md).
// Durations are counted in milliseconds of a monotonic clock the caller passes in, so a wall
// clock that steps neither ends nor stretches anyone's grace; wall time is only for "since".
class MemberRegistry final
{
public:
    // Names held for members who dropped: from one client address, and in all. A member who
    // drops beyond them leaves at once (2 005 quick drops were all held for a minute).
    static constexpr int kMaxAwayPerAddress = 32;
    static constexpr int kMaxAway = 1000;

    enum class Outcome { Joined, Resumed, Refused };

    explicit MemberRegistry(qint64 graceMs = 60 * 1000) : m_graceMs(graceMs) { }

    struct Claim
    {
        Outcome outcome = Outcome::Refused;
        Tertulia::ProtocolError error{}; // Refused
        QString name; // Joined, Resumed
        QString resumeToken; // Joined, Resumed
        QWebSocket *replaced = nullptr; // Resumed: the member's previous, still open connection
    };

    // resumable: the client asked for a resume token; only such members go away instead of
    // leaving when their connection drops. joinedAt: shown to people as "since".
    Claim claim(QWebSocket *socket, const QString &name, const QString &resumeToken, bool resumable,
                const QHostAddress &address, const QDateTime &joinedAt, bool host = false);
    // The member hosting the room, if they are in it; empty otherwise.
    QString hostName() const;
    // The connection is gone: the member leaves now (a clean close, or no room is left for
    // away members from its address) or goes away (a drop). Returns the member's name, or an
    // empty string if the connection had not joined; *left says which it did.
    QString release(QWebSocket *socket, bool leaving, qint64 nowMs, bool *left = nullptr);
    // Away members whose grace period ended by nowMs leave; returns their names. Costs what
    // expires, not the room: members go away in order, so their deadlines come in order.
    QStringList expire(qint64 nowMs);
    // When the next away member's grace ends, if anyone is away.
    std::optional<qint64> nextExpiryMs() const;

    QString nameOf(const QWebSocket *socket) const;
    QWebSocket *connectionOf(const QString &name) const; // nullptr: no such member, or away
    bool isMember(const QString &name) const; // present or away, ignoring case
    // The member's name as they spelled it (present or away), or empty if there is none.
    QString spellingOf(const QString &name) const;
    // Forgets an away member at once; returns its name, or an empty string if there is none.
    QString removeAway(const QString &name);
    // The member under the name is being removed: its resume token buys nothing any more, not
    // even once the name is free (the last kMaxVoidTokens removals are remembered).
    void voidTokenOf(const QString &name);
    static constexpr int kMaxVoidTokens = 4096;
    bool isResumable(const QWebSocket *socket) const;

    // Members whose connection is on another host of the room (SharedRoom): kept to be listed
    // and named, never sent to from here. Adds or updates one; a member this host had (away,
    // or still connected: *replaced, for the caller to close) now counts as the other's.
    enum class Placed { Joined, Changed, Same };
    // News of an older claim than the one known here (generation) changes nothing.
    Placed placeRemote(const QString &name, const QString &node, const QDateTime &since, bool host,
                       bool away, qint64 generation, const QString &memberId = {},
                       QWebSocket **replaced = nullptr);
    void setGeneration(const QString &name, qint64 generation); // of this host's claim
    qint64 generationOf(const QString &name) const;
    // Forgets a member of another host (of `node`, if given); returns its name, or empty.
    QString removeRemote(const QString &name, const QString &node = {});
    QStringList remoteOn(const QString &node) const; // their names
    bool isRemote(const QString &name) const;
    QString nodeOf(const QString &name) const; // empty: here, or no such member
    std::optional<Tertulia::MemberInfo> infoOf(const QString &name) const;
    QString resumeTokenOf(const QString &name) const; // this host's members only
    // The member (present, away or on another host) under the name; empty if there is none.
    // Direct messages and their files are the two members', not the names'.
    QString memberIdOf(const QString &name) const;
    QStringList localNames() const; // this host's members, present or away
    QHostAddress addressOf(const QString &name) const; // null: no such member
    QList<QWebSocket *> connections() const; // members with a live connection, oldest first
    QList<Tertulia::MemberInfo> members() const; // oldest first
    int count() const { return m_index.size(); } // present and away
    // The list as clients page through it, ordered by name ignoring case (MemberIndex).
    QList<Tertulia::MemberInfo> page(int from, int count) const;
    // Members whose name starts with `prefix` (ignoring case), the first `count` in that order.
    QList<Tertulia::MemberInfo> startingWith(const QString &prefix, int count) const;
    // Where a member is, or would be, in that order.
    int rankOf(const QString &name) const;

private:
    struct Member
    {
        QString name;
        QString key; // Names::uniquenessKey(name)
        QString skeleton; // NameSkeleton::of(name): what it looks like
        QDateTime since;
        QString resumeToken;
        QWebSocket *socket = nullptr; // nullptr while away
        qint64 awaySinceMs = -1; // monotonic; -1 while present
        bool resumable = false;
        QHostAddress address; // of the connection it joined on
        bool host = false;
        QString node; // another host's member (placeRemote); empty for this host's
        qint64 generation = 0; // of the claim to the name across hosts
        // Who this is, whatever the name's spelling: derived from the name and its resume
        // token, so a newcomer who takes a name someone let go is another member.
        QString memberId;
    };

    using MemberList = std::list<Member>; // iterators stay valid as others come and go

    const Member *find(const QString &name) const; // by name, ignoring case
    QList<Tertulia::MemberInfo> infoOf(const QStringList &keys) const;
    MemberList::iterator erase(MemberList::iterator member);
    void countAway(const Member &member, int change);
    // The only ways a member gains or loses its connection: m_bySocket and connections() follow.
    void bindSocket(QWebSocket *socket, MemberList::iterator member);
    void unbindSocket(const QWebSocket *socket);
    // Whether an entry of m_awayOrder still stands for an away member.
    bool stillAway(const QString &key, qint64 awaySinceMs) const;
    void dropStaleExpiries();

    struct AwayEntry
    {
        qint64 awaySinceMs;
        QString key;
    };

    QSet<QString> m_voidTokens;
    std::deque<QString> m_voidOrder; // oldest first, to forget the oldest beyond the cap
    MemberList m_members; // oldest first
    QHash<QString, MemberList::iterator> m_byKey;
    MemberIndex m_index; // the same keys, in the order lists show them
    QHash<QString, MemberList::iterator> m_bySkeleton;
    QHash<const QWebSocket *, MemberList::iterator> m_bySocket; // live connections only
    mutable QList<QWebSocket *> m_connections; // connections(), kept while m_connectionsKnown
    mutable bool m_connectionsKnown = false;
    QHash<QHostAddress, int> m_awayByAddress;
    int m_away = 0;
    qint64 m_graceMs;
    // Who went away when, oldest first; members who came back or left are skipped on the way.
    std::deque<AwayEntry> m_awayOrder;
};
