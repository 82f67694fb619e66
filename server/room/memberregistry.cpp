#include "memberregistry.h"

#include "names.h"
#include "nameskeleton.h"

#include <QtCore/QCryptographicHash>

#include <QtCore/QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

bool isResumeToken(const QString &token) // as newResumeToken() makes them: 32 hex digits
{
    if (token.size() != 32)
        return false;
    return std::all_of(token.cbegin(), token.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

// The member a name and its resume token stand for: the same on every host of the room and
// after a restart, without keeping a table of them; unguessable without the token.
QString memberIdFor(const QString &key, const QString &token)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("tertulia member\n");
    hash.addData(key.toUtf8());
    hash.addData("\n");
    hash.addData(token.toLatin1());
    return QString::fromLatin1(hash.result().first(16).toHex());
}

QString newResumeToken()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace

MemberRegistry::Claim MemberRegistry::claim(QWebSocket *socket, const QString &name,
                                            const QString &resumeToken, bool resumable,
                                            const QHostAddress &address, const QDateTime &joinedAt,
                                            bool host)
{
    const QString key = Names::uniquenessKey(name);
    const auto found = m_byKey.constFind(key);
    if (found == m_byKey.cend()) {
        const QString skeleton = NameSkeleton::of(name);
        if (const auto lookalike = m_bySkeleton.constFind(skeleton);
            lookalike != m_bySkeleton.cend()) {
            return {Outcome::Refused,
                    {ErrorCode::NameTaken,
                     u"\"%1\" looks too much like \"%2\", who is in this room: choose another "
                     "name."_s.arg(name, (*lookalike)->name)},
                    {},
                    {}};
        }
        // A member back after its name was let go keeps its token, and so stays the member it
        // was: it reads its direct messages and files again. Anyone else under the same name
        // has another token, and is another member.
        const QString token
                = resumable && isResumeToken(resumeToken) && !m_voidTokens.contains(resumeToken)
                          ? resumeToken
                          : newResumeToken();
        const auto member = m_members.insert(m_members.end(), {name,
                                                               key,
                                                               skeleton,
                                                               joinedAt,
                                                               token,
                                                               socket,
                                                               -1,
                                                               resumable,
                                                               address,
                                                               host,
                                                               {},
                                                               0,
                                                               memberIdFor(key, token)});
        m_byKey.insert(key, member);
        m_index.insert(key);
        m_bySkeleton.insert(skeleton, member);
        bindSocket(socket, member);
        return {Outcome::Joined, {}, name, member->resumeToken};
    }
    const MemberList::iterator existing = *found;
    if (resumeToken.isEmpty() || resumeToken != existing->resumeToken) {
        return {Outcome::Refused,
                {ErrorCode::NameTaken,
                 u"Someone in this room is already called \"%1\"."_s.arg(existing->name)},
                {},
                {}};
    }
    // The owner is back: the old connection, if the host has not noticed it died, is replaced.
    QWebSocket *replaced = existing->socket;
    if (!replaced)
        countAway(*existing, -1);
    unbindSocket(replaced);
    existing->address = address;
    existing->awaySinceMs = -1;
    bindSocket(socket, existing);
    dropStaleExpiries();
    return {Outcome::Resumed, {}, existing->name, existing->resumeToken, replaced};
}

QString MemberRegistry::release(QWebSocket *socket, bool leaving, qint64 nowMs, bool *left)
{
    const auto found = m_bySocket.constFind(socket);
    if (found == m_bySocket.cend())
        return {};
    const MemberList::iterator member = *found;
    const QString name = member->name;
    leaving = leaving || m_away >= kMaxAway
              || m_awayByAddress.value(member->address) >= kMaxAwayPerAddress;
    if (left)
        *left = leaving;
    if (leaving) {
        erase(member);
    } else {
        unbindSocket(socket);
        member->awaySinceMs = nowMs;
        countAway(*member, +1);
        m_awayOrder.push_back({nowMs, member->key});
    }
    return name;
}

void MemberRegistry::countAway(const Member &member, int change)
{
    m_away += change;
    if ((m_awayByAddress[member.address] += change) <= 0)
        m_awayByAddress.remove(member.address);
}

MemberRegistry::MemberList::iterator MemberRegistry::erase(MemberList::iterator member)
{
    m_byKey.remove(member->key);
    m_index.erase(member->key);
    m_bySkeleton.remove(member->skeleton);
    if (member->socket)
        unbindSocket(member->socket);
    else if (member->node.isEmpty())
        countAway(*member, -1);
    return m_members.erase(member);
}

QStringList MemberRegistry::expire(qint64 nowMs)
{
    QStringList gone;
    while (!m_awayOrder.empty() && m_awayOrder.front().awaySinceMs + m_graceMs <= nowMs) {
        const AwayEntry entry = m_awayOrder.front();
        m_awayOrder.pop_front();
        if (!stillAway(entry.key, entry.awaySinceMs))
            continue;
        const MemberList::iterator member = m_byKey.value(entry.key);
        gone.append(member->name);
        erase(member);
    }
    dropStaleExpiries();
    return gone;
}

std::optional<qint64> MemberRegistry::nextExpiryMs() const
{
    if (m_awayOrder.empty())
        return std::nullopt;
    return m_awayOrder.front().awaySinceMs + m_graceMs;
}

bool MemberRegistry::stillAway(const QString &key, qint64 awaySinceMs) const
{
    const auto found = m_byKey.constFind(key);
    return found != m_byKey.cend() && !(*found)->socket && (*found)->node.isEmpty()
           && (*found)->awaySinceMs == awaySinceMs;
}

void MemberRegistry::dropStaleExpiries()
{
    // So that nextExpiryMs() names someone still away, and the queue holds no one twice over.
    while (!m_awayOrder.empty()
           && !stillAway(m_awayOrder.front().key, m_awayOrder.front().awaySinceMs))
        m_awayOrder.pop_front();
}

QString MemberRegistry::nameOf(const QWebSocket *socket) const
{
    const auto found = m_bySocket.constFind(socket);
    return found == m_bySocket.cend() ? QString() : (*found)->name;
}

const MemberRegistry::Member *MemberRegistry::find(const QString &name) const
{
    const auto found = m_byKey.constFind(Names::uniquenessKey(name));
    return found == m_byKey.cend() ? nullptr : &**found;
}

QWebSocket *MemberRegistry::connectionOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->socket : nullptr;
}

QString MemberRegistry::spellingOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->name : QString();
}

QString MemberRegistry::hostName() const
{
    const auto host = std::find_if(m_members.cbegin(), m_members.cend(),
                                   [](const Member &member) { return member.host; });
    return host == m_members.cend() ? QString() : host->name;
}

QHostAddress MemberRegistry::addressOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->address : QHostAddress();
}

bool MemberRegistry::isMember(const QString &name) const
{
    return find(name) != nullptr;
}

void MemberRegistry::voidTokenOf(const QString &name)
{
    const Member *member = find(name);
    if (!member || member->resumeToken.isEmpty() || m_voidTokens.contains(member->resumeToken))
        return;
    m_voidTokens.insert(member->resumeToken);
    m_voidOrder.push_back(member->resumeToken);
    if (m_voidOrder.size() > size_t(kMaxVoidTokens)) {
        m_voidTokens.remove(m_voidOrder.front());
        m_voidOrder.pop_front();
    }
}

QString MemberRegistry::removeAway(const QString &name)
{
    const auto found = m_byKey.constFind(Names::uniquenessKey(name));
    if (found == m_byKey.cend() || (*found)->socket || !(*found)->node.isEmpty())
        return {};
    const QString removed = (*found)->name;
    erase(*found);
    dropStaleExpiries();
    return removed;
}

bool MemberRegistry::isResumable(const QWebSocket *socket) const
{
    const auto found = m_bySocket.constFind(socket);
    return found != m_bySocket.cend() && (*found)->resumable;
}

void MemberRegistry::bindSocket(QWebSocket *socket, MemberList::iterator member)
{
    member->socket = socket;
    m_bySocket.insert(socket, member);
    m_connectionsKnown = false;
}

void MemberRegistry::unbindSocket(const QWebSocket *socket)
{
    if (const auto found = m_bySocket.constFind(socket); found != m_bySocket.cend()) {
        (*found)->socket = nullptr;
        m_bySocket.erase(found);
        m_connectionsKnown = false;
    }
}

QList<QWebSocket *> MemberRegistry::connections() const
{
    // Every message goes to this list: it is made again only when someone comes or goes.
    if (m_connectionsKnown)
        return m_connections;
    m_connections.clear();
    m_connections.reserve(m_bySocket.size());
    for (const Member &member : m_members) {
        if (member.socket)
            m_connections.append(member.socket);
    }
    m_connectionsKnown = true;
    return m_connections;
}

QList<MemberInfo> MemberRegistry::members() const
{
    QList<MemberInfo> list;
    list.reserve(qsizetype(m_members.size()));
    for (const Member &member : m_members)
        list.append({member.name, member.since, member.awaySinceMs >= 0, member.host});
    return list;
}

QList<MemberInfo> MemberRegistry::infoOf(const QStringList &keys) const
{
    QList<MemberInfo> list;
    list.reserve(keys.size());
    for (const QString &key : keys) {
        const Member &member = **m_byKey.constFind(key);
        list.append({member.name, member.since, member.awaySinceMs >= 0, member.host});
    }
    return list;
}

QList<MemberInfo> MemberRegistry::page(int from, int count) const
{
    return infoOf(m_index.page(from, count));
}

QList<MemberInfo> MemberRegistry::startingWith(const QString &prefix, int count) const
{
    return infoOf(m_index.startingWith(Names::uniquenessKey(Names::normalized(prefix)), count));
}

int MemberRegistry::rankOf(const QString &name) const
{
    return m_index.rankOf(Names::uniquenessKey(name));
}

MemberRegistry::Placed MemberRegistry::placeRemote(const QString &name, const QString &node,
                                                   const QDateTime &since, bool host, bool away,
                                                   qint64 generation, const QString &memberId,
                                                   QWebSocket **replaced)
{
    const qint64 awaySinceMs = away ? 0 : -1; // only whether: its own host times it
    const QString key = Names::uniquenessKey(name);
    if (const auto found = m_byKey.constFind(key); found != m_byKey.cend()) {
        const MemberList::iterator member = *found;
        if (generation < member->generation)
            return Placed::Same; // out of date: claimed again since
        if (member->node.isEmpty()) { // it was this host's: it went to another
            if (member->socket) {
                if (replaced)
                    *replaced = member->socket;
                unbindSocket(member->socket);
            } else {
                countAway(*member, -1);
            }
        }
        const bool same = member->node == node && (member->awaySinceMs >= 0) == away;
        member->node = node;
        member->generation = generation;
        member->awaySinceMs = awaySinceMs;
        member->resumeToken.clear();
        if (!memberId.isEmpty()) // a claim's first news may not say it yet
            member->memberId = memberId;
        dropStaleExpiries();
        return same ? Placed::Same : Placed::Changed;
    }
    const QString skeleton = NameSkeleton::of(name);
    const auto member = m_members.insert(m_members.end(), {name,
                                                           key,
                                                           skeleton,
                                                           since,
                                                           {},
                                                           nullptr,
                                                           awaySinceMs,
                                                           false,
                                                           {},
                                                           host,
                                                           node,
                                                           generation,
                                                           memberId});
    m_byKey.insert(key, member);
    m_index.insert(key);
    m_bySkeleton.insert(skeleton, member);
    return Placed::Joined;
}

QString MemberRegistry::removeRemote(const QString &name, const QString &node)
{
    const auto found = m_byKey.constFind(Names::uniquenessKey(name));
    if (found == m_byKey.cend() || (*found)->node.isEmpty()
        || (!node.isEmpty() && (*found)->node != node))
        return {};
    const QString removed = (*found)->name;
    erase(*found);
    return removed;
}

QStringList MemberRegistry::remoteOn(const QString &node) const
{
    QStringList names;
    if (node.isEmpty())
        return names;
    for (const Member &member : m_members) {
        if (member.node == node)
            names.append(member.name);
    }
    return names;
}

bool MemberRegistry::isRemote(const QString &name) const
{
    const Member *member = find(name);
    return member && !member->node.isEmpty();
}

QString MemberRegistry::nodeOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->node : QString();
}

void MemberRegistry::setGeneration(const QString &name, qint64 generation)
{
    if (const auto found = m_byKey.constFind(Names::uniquenessKey(name)); found != m_byKey.cend())
        (*found)->generation = generation;
}

qint64 MemberRegistry::generationOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->generation : 0;
}

std::optional<MemberInfo> MemberRegistry::infoOf(const QString &name) const
{
    const Member *member = find(name);
    if (!member)
        return std::nullopt;
    return MemberInfo{member->name, member->since, member->awaySinceMs >= 0, member->host};
}

QString MemberRegistry::memberIdOf(const QString &name) const
{
    const Member *member = find(name);
    return member ? member->memberId : QString();
}

QString MemberRegistry::resumeTokenOf(const QString &name) const
{
    const Member *member = find(name);
    return member && member->node.isEmpty() ? member->resumeToken : QString();
}

QStringList MemberRegistry::localNames() const
{
    QStringList names;
    for (const Member &member : m_members) {
        if (member.node.isEmpty())
            names.append(member.name);
    }
    return names;
}
