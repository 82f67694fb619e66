#pragma once

#include "messagestore.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <optional>

class QWebSocket;

// The messages a room stores during one pass of the event loop go into one transaction,
// committed when the pass ends; only then are they delivered and acknowledged, in the order
// they came. One commit per pass instead of one per message, which is what held a busy room
// back. Whatever else the room sends lets the group out first (RoomConnections'
// before-sending step calls flush), so every event reaches everyone in the order it happened.
class CommitGroup final : public QObject
{
    Q_OBJECT

public:
    struct Stored
    {
        QPointer<QWebSocket> sender; // nullptr: no longer connected (or stored for nobody)
        std::optional<MessageStore::Appended> appended; // nothing: it could not be stored
        QString clientId;
    };
    using Deliver = std::function<void(const Stored &)>;

    CommitGroup(MessageStore &store, Deliver deliver, QObject *parent = nullptr);

    // Before storing a message: opens the pass's group if none is open.
    void open();
    // What storing it gave: delivered after the commit, or now if no group could be opened.
    void hold(Stored stored);
    // Commits and delivers what is held (a message that was not committed is refused to its
    // sender instead). Nothing held: nothing happens.
    void flush();

private:
    MessageStore &m_store;
    Deliver m_deliver;
    QList<Stored> m_held;
};
