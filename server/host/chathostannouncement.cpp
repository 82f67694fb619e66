// ChatHost's announcements on the LAN (--announce): what they say, and starting them.

#include "chathost.h"

#include "chatroom.h"
#include "hostlog.h"
#include "roomannouncer.h"

#include <QtNetwork/QHostInfo>

RoomAnnouncement ChatHost::announcement() const
{
    RoomAnnouncement room;
    room.id = m_announcementId;
    room.protocol = Tertulia::kProtocolVersion;
    room.version = QStringLiteral(TERTULIA_VERSION);
    room.room = m_settings.roomName;
    room.host = QHostInfo::localHostName().left(RoomAnnouncement::kMaxTextLength);
    room.port = port();
    room.tls = usesTls();
    room.password = hasPassword();
    room.locked = m_room && m_room->isLocked();
    room.members = memberCount();
    room.fingerprint = RoomAnnouncement::fingerprintPrefix(m_certificateFingerprint);
    return room;
}

void ChatHost::announce()
{
    m_announcementId = RoomAnnouncement::newId();
    m_announcer = new RoomAnnouncer([this] { return announcement(); }, this);
    QString error;
    if (!m_announcer->start(&error))
        qCWarning(lcHost).noquote() << "The room is not announced by beacon (" << error
                                    << "); Avahi may still announce it.";
    else
        qCInfo(lcHost).noquote() << "Announcing" << m_settings.roomName << "on the LAN";
}
