#include "beaconannouncer.h"

#include "beaconchannel.h"
#include "beaconmessage.h"

BeaconAnnouncer::BeaconAnnouncer(QObject *parent)
    : QObject(parent), m_channel(new BeaconChannel(this))
{
    m_answer.setSingleShot(true);
    m_answer.setInterval(kAnswerGapMs);
    connect(&m_answer, &QTimer::timeout, this, &BeaconAnnouncer::sendRoom);
    connect(m_channel, &BeaconChannel::received, this, &BeaconAnnouncer::onReceived);
}

bool BeaconAnnouncer::start(QString *error)
{
    return m_channel->open(error);
}

void BeaconAnnouncer::announce(const RoomAnnouncement &room)
{
    m_room = room;
    m_announcing = true;
    sendRoom();
}

void BeaconAnnouncer::withdraw()
{
    if (!m_announcing)
        return;
    m_announcing = false;
    m_answer.stop();
    BeaconMessage goodbye;
    goodbye.kind = BeaconMessage::Kind::Goodbye;
    goodbye.room.id = m_room.id;
    m_channel->send(goodbye.encode());
}

void BeaconAnnouncer::onReceived(const QByteArray &datagram)
{
    // A question costs one small answer per kAnswerGapMs, whoever floods us with them.
    if (!m_announcing || m_answer.isActive())
        return;
    const std::optional<BeaconMessage> message = BeaconMessage::decode(datagram, nullptr);
    if (message && message->kind == BeaconMessage::Kind::Query)
        m_answer.start();
}

void BeaconAnnouncer::sendRoom()
{
    if (!m_announcing)
        return;
    BeaconMessage message;
    message.kind = BeaconMessage::Kind::Room;
    message.room = m_room;
    m_channel->send(message.encode());
}
