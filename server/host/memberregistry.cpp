#include "memberregistry.h"

#include "names.h"

#include <QtCore/QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

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
                                            const QDateTime &now)
{
    const QString key = Names::uniquenessKey(name);
    const auto existing = std::find_if(m_members.begin(), m_members.end(),
                                       [&](const Member &m) { return m.key == key; });
    if (existing == m_members.end()) {
        m_members.append({name, key, now, newResumeToken(), socket, {}, resumable});
        m_nameBySocket.insert(socket, name);
        return {Outcome::Joined, {}, name, m_members.last().resumeToken};
    }
    if (resumeToken.isEmpty() || resumeToken != existing->resumeToken) {
        return {Outcome::Refused,
                {ErrorCode::NameTaken,
                 u"Someone in this room is already called \"%1\"."_s.arg(existing->name)},
                {},
                {}};
    }
    // The owner is back: the old connection, if the host has not noticed it died, is replaced.
    QWebSocket *replaced = existing->socket;
    m_nameBySocket.remove(replaced);
    existing->socket = socket;
    existing->awaySince = {};
    m_nameBySocket.insert(socket, existing->name);
    return {Outcome::Resumed, {}, existing->name, existing->resumeToken, replaced};
}

QString MemberRegistry::release(QWebSocket *socket, bool leaving, const QDateTime &now)
{
    if (!m_nameBySocket.remove(socket))
        return {};
    const auto member = std::find_if(m_members.begin(), m_members.end(),
                                     [&](const Member &m) { return m.socket == socket; });
    const QString name = member->name;
    if (leaving) {
        m_members.erase(member);
    } else {
        member->socket = nullptr;
        member->awaySince = now;
    }
    return name;
}

QStringList MemberRegistry::expire(const QDateTime &deadline)
{
    QStringList gone;
    m_members.removeIf([&](const Member &member) {
        const bool expired = !member.socket && member.awaySince <= deadline;
        if (expired)
            gone.append(member.name);
        return expired;
    });
    return gone;
}

QString MemberRegistry::nameOf(const QWebSocket *socket) const
{
    return m_nameBySocket.value(socket);
}

const MemberRegistry::Member *MemberRegistry::find(const QString &name) const
{
    const QString key = Names::uniquenessKey(name);
    const auto found = std::find_if(m_members.cbegin(), m_members.cend(),
                                    [&](const Member &member) { return member.key == key; });
    return found == m_members.cend() ? nullptr : &*found;
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

bool MemberRegistry::isMember(const QString &name) const
{
    return find(name) != nullptr;
}

QString MemberRegistry::removeAway(const QString &name)
{
    const QString key = Names::uniquenessKey(name);
    QString removed;
    m_members.removeIf([&](const Member &member) {
        const bool match = !member.socket && member.key == key;
        if (match)
            removed = member.name;
        return match;
    });
    return removed;
}

bool MemberRegistry::isResumable(const QWebSocket *socket) const
{
    return std::any_of(m_members.cbegin(), m_members.cend(), [socket](const Member &member) {
        return member.socket == socket && member.resumable;
    });
}

QList<QWebSocket *> MemberRegistry::connections() const
{
    QList<QWebSocket *> sockets;
    sockets.reserve(m_members.size());
    for (const Member &member : m_members) {
        if (member.socket)
            sockets.append(member.socket);
    }
    return sockets;
}

QList<MemberInfo> MemberRegistry::members() const
{
    QList<MemberInfo> list;
    list.reserve(m_members.size());
    for (const Member &member : m_members)
        list.append({member.name, member.since, member.socket == nullptr});
    return list;
}

bool MemberRegistry::hasAwayMembers() const
{
    return std::any_of(m_members.cbegin(), m_members.cend(),
                       [](const Member &member) { return member.socket == nullptr; });
}
