#include "beaconlistener.h"

#include "beaconchannel.h"
#include "beaconmessage.h"
#include "discoverylog.h"

BeaconListener::BeaconListener(QObject *parent)
    : QObject(parent), m_channel(new BeaconChannel(this))
{
    connect(m_channel, &BeaconChannel::received, this, &BeaconListener::onReceived);
}

bool BeaconListener::start(QString *error)
{
    if (!m_channel->open(error))
        return false;
    ask();
    return true;
}

void BeaconListener::ask()
{
    m_channel->send(BeaconMessage().encode());
}

void BeaconListener::onReceived(const QByteArray &datagram, const QHostAddress &sender)
{
    QString why;
    const std::optional<BeaconMessage> message = BeaconMessage::decode(datagram, &why);
    if (!message) {
        qCDebug(lcDiscovery) << "ignored a beacon from" << sender.toString() << ":" << why;
        emit rejected(sender, why);
        return;
    }
    switch (message->kind) {
    case BeaconMessage::Kind::Room:
        emit announced(message->room, sender);
        break;
    case BeaconMessage::Kind::Goodbye:
        emit withdrawn(message->room.id, sender);
        break;
    case BeaconMessage::Kind::Query:
        break; // for hosts
    }
}
