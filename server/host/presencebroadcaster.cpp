#include "presencebroadcaster.h"

#include "memberregistry.h"

#include <QtCore/QSet>

using namespace Tertulia;

PresenceBroadcaster::PresenceBroadcaster(const MemberRegistry &registry, QObject *parent)
    : QObject(parent), m_registry(registry)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kWindowMs);
    connect(&m_timer, &QTimer::timeout, this, &PresenceBroadcaster::flush);
}

void PresenceBroadcaster::joined(const MemberInfo &newcomer)
{
    if (m_membersJsonValid) {
        // A newcomer is the last in the list: append instead of serialising everyone again.
        if (!m_membersJson.isEmpty())
            m_membersJson += ',';
        m_membersJson += ServerEvents::memberJson(newcomer);
    }
    m_joined.append(newcomer.name);
    schedule();
}

void PresenceBroadcaster::left(const QString &name)
{
    m_membersJsonValid = false;
    m_left.append(name);
    schedule();
}

void PresenceBroadcaster::changed(const QString &name)
{
    m_membersJsonValid = false;
    m_changed.append(name);
    schedule();
}

void PresenceBroadcaster::flushNow()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        flush();
    }
}

void PresenceBroadcaster::schedule()
{
    // Not restarted by later changes, so a stream of joins cannot postpone the event forever.
    if (!m_timer.isActive())
        m_timer.start();
}

QByteArray PresenceBroadcaster::membersJson()
{
    if (!m_membersJsonValid) {
        QByteArrayList entries;
        for (const MemberInfo &member : m_registry.members())
            entries.append(ServerEvents::memberJson(member));
        m_membersJson = entries.join(',');
        m_membersJsonValid = true;
    }
    return m_membersJson;
}

void PresenceBroadcaster::flush()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<MemberInfo> everyone = m_registry.members();
    QByteArray event;
    if (everyone.size() <= kFullListMembers) {
        event = ServerEvents::presence(m_joined, m_left, everyone, now);
    } else {
        // A crowd: sending everyone to everyone on each change would grow with the square of
        // the room (bench/); clients apply the changes to the list their welcome gave them.
        QSet<QString> wanted(m_joined.cbegin(), m_joined.cend());
        wanted.unite(QSet<QString>(m_changed.cbegin(), m_changed.cend()));
        QList<MemberInfo> changedMembers;
        for (const MemberInfo &member : everyone) {
            if (wanted.contains(member.name))
                changedMembers.append(member);
        }
        event = ServerEvents::presenceChanges(m_joined, m_left, changedMembers, now);
    }
    m_joined.clear();
    m_left.clear();
    m_changed.clear();
    emit eventReady(event);
}
