#pragma once

#include "serverevent.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

class MemberRegistry;

// Who joined, left, went away or came back, gathered for a short window and told to the room as
// one presence event (eventReady); keeps the serialised member list for welcomes up to date.
// Reads the registry it is given, never changes it.
class PresenceBroadcaster final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kWindowMs = 100; // joins and leaves this close share one event
    // Up to this many members, presence events list everyone; beyond, only what changed.
    static constexpr int kFullListMembers = 50;

    explicit PresenceBroadcaster(const MemberRegistry &registry, QObject *parent = nullptr);

    void joined(const Tertulia::MemberInfo &newcomer);
    void left(const QString &name);
    void changed(const QString &name); // went away, or came back
    // What is pending goes out now: everyone learns who joined before reading what they say.
    void flushNow();
    QByteArray membersJson(); // everyone, serialised

signals:
    void eventReady(const QByteArray &event); // UTF-8 JSON

private:
    void schedule();
    void flush();

    const MemberRegistry &m_registry;
    QStringList m_joined;
    QStringList m_left;
    QStringList m_changed;
    QByteArray m_membersJson;
    bool m_membersJsonValid = false;
    QTimer m_timer;
};
