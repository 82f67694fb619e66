#pragma once

#include "serverevent.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QTimer>

class MemberRegistry;

// Who joined, left, went away or came back, gathered for a short window and told to the room as
// one presence event (eventReady); keeps the member summary newcomers' welcomes carry.
// Up to Limits::kFullMemberList members both list everyone; beyond, a presence event says the
// count and some names, and a welcome the count and the first page of the list, so what a
// newcomer receives does not grow with the room. Reads the registry, never changes it.
class PresenceBroadcaster final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kWindowMs = 100; // joins and leaves this close share one event
    static constexpr int kLargeRoomWindowMs = 500; // a crowd's arrivals are told in fewer events

    explicit PresenceBroadcaster(const MemberRegistry &registry, QObject *parent = nullptr);

    // Each is called once the registry has the change.
    void joined(const QString &name);
    void left(const QString &name);
    void changed(const QString &name); // went away, or came back
    // What is pending goes out now: everyone learns who joined before reading what they say.
    void flushNow();
    const Tertulia::ServerEvents::MemberSummary &summary();

signals:
    void eventReady(const QByteArray &event); // UTF-8 JSON
    void listChanged(); // after eventReady: rows of the list may have moved

private:
    void touch(const QString &name); // the summary may no longer hold
    void schedule();
    void flush();

    const MemberRegistry &m_registry;
    QStringList m_joined;
    QStringList m_left;
    Tertulia::ServerEvents::MemberSummary m_summary;
    bool m_summaryValid = false;
    QTimer m_timer;
};
