#include "presencebroadcaster.h"

#include "memberregistry.h"
#include "protocollimits.h"

using namespace Tertulia;

namespace {

bool isLarge(const MemberRegistry &registry)
{
    return registry.count() > Limits::kFullMemberList;
}

} // namespace

PresenceBroadcaster::PresenceBroadcaster(const MemberRegistry &registry, QObject *parent)
    : QObject(parent), m_registry(registry)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PresenceBroadcaster::flush);
}

void PresenceBroadcaster::joined(const QString &name)
{
    m_joined.append(name);
    touch(name);
}

void PresenceBroadcaster::left(const QString &name)
{
    m_left.append(name);
    touch(name);
}

void PresenceBroadcaster::changed(const QString &name)
{
    touch(name);
}

void PresenceBroadcaster::touch(const QString &name)
{
    // A large room's summary is its first page: a change further down leaves it as it is, so a
    // crowd arriving does not rebuild it for every newcomer.
    if (!m_summary.complete && isLarge(m_registry)
        && m_registry.rankOf(name) >= Limits::kFullMemberList)
        m_summary.memberCount = m_registry.count();
    else
        m_summaryValid = false;
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
        m_timer.start(isLarge(m_registry) ? kLargeRoomWindowMs : kWindowMs);
}

const ServerEvents::MemberSummary &PresenceBroadcaster::summary()
{
    if (!m_summaryValid) {
        const bool complete = !isLarge(m_registry);
        const QList<MemberInfo> shown
                = complete ? m_registry.members() : m_registry.page(0, Limits::kFullMemberList);
        QByteArrayList entries;
        for (const MemberInfo &member : shown)
            entries.append(ServerEvents::memberJson(member));
        m_summary = {entries.join(','), complete, m_registry.count()};
        m_summaryValid = true;
    }
    return m_summary;
}

void PresenceBroadcaster::flush()
{
    Events::Presence presence;
    presence.count = m_registry.count();
    presence.time = QDateTime::currentDateTimeUtc();
    if (!isLarge(m_registry)) {
        presence.joined = m_joined;
        presence.left = m_left;
        presence.members = m_registry.members();
    } else {
        // A crowd: naming everyone to everyone would grow with the square of the room.
        // Watchers of the list's rows hear of them separately (MemberLists).
        presence.joined = m_joined.mid(0, Limits::kNamedChanges);
        presence.left = m_left.mid(0, Limits::kNamedChanges);
        presence.others = int(m_joined.size() - presence.joined.size() + m_left.size()
                              - presence.left.size());
    }
    m_joined.clear();
    m_left.clear();
    emit eventReady(ServerEvents::presence(presence));
    emit listChanged();
}
