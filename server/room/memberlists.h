#pragma once

#include "clientrequest.h"

#include <QtCore/QHash>

class MemberRegistry;
class RoomConnections;
class QWebSocket;

// The member list on request, for rooms too large to send whole: a range of rows a client
// watches (sent at once, and again after a presence event moved what is in it) and searches
// by the start of a name. What a watcher is sent costs what it watches, not the room.
class MemberLists final
{
public:
    MemberLists(const MemberRegistry &registry, RoomConnections &connections)
        : m_registry(registry), m_connections(connections)
    { }

    void request(QWebSocket *socket, const Tertulia::Requests::Members &request);
    void forget(QWebSocket *socket) { m_watches.remove(socket); }
    // After a presence event: each watcher whose rows now read differently gets them again.
    void refresh();

private:
    struct Watch
    {
        int from = 0;
        int count = 0;
        size_t sent = 0; // a hash of the rows last sent
    };

    const MemberRegistry &m_registry;
    RoomConnections &m_connections;
    QHash<QWebSocket *, Watch> m_watches;
};
