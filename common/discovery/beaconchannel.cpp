#include "beaconchannel.h"

#include "discoverylog.h"
#include "roomannouncement.h"

#include <QtCore/QVariant>
#include <QtNetwork/QNetworkDatagram>
#include <QtNetwork/QNetworkInterface>

using namespace Qt::StringLiterals;

namespace {

QList<QNetworkInterface> multicastInterfaces()
{
    QList<QNetworkInterface> found;
    const auto wanted = QNetworkInterface::IsUp | QNetworkInterface::CanMulticast;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        if ((interface.flags() & wanted) == wanted)
            found.append(interface);
    }
    return found;
}

} // namespace

QHostAddress BeaconChannel::group()
{
    return QHostAddress(u"239.255.84.76"_s);
}

BeaconChannel::BeaconChannel(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &BeaconChannel::onReadyRead);
}

bool BeaconChannel::open(QString *error)
{
    if (!m_socket.bind(QHostAddress::AnyIPv4, kPort,
                       QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        *error = m_socket.errorString();
        return false;
    }
    m_socket.setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(1));
    m_socket.setSocketOption(QAbstractSocket::MulticastLoopbackOption, QVariant(1));
    joinNewInterfaces(multicastInterfaces());
    return true;
}

void BeaconChannel::joinNewInterfaces(const QList<QNetworkInterface> &interfaces)
{
    // A laptop may join a network after starting: each send looks for new interfaces.
    for (const QNetworkInterface &interface : interfaces) {
        if (m_joined.contains(interface.index()))
            continue;
        if (m_socket.joinMulticastGroup(group(), interface))
            m_joined.append(interface.index());
        else
            qCDebug(lcDiscovery) << "cannot listen for rooms on" << interface.name() << ":"
                                 << m_socket.errorString();
    }
}

void BeaconChannel::send(const QByteArray &datagram)
{
    if (m_socket.state() != QAbstractSocket::BoundState)
        return;
    const QList<QNetworkInterface> interfaces = multicastInterfaces();
    joinNewInterfaces(interfaces);
    if (interfaces.isEmpty()) {
        m_socket.writeDatagram(datagram, group(), kPort); // the routing table decides
        return;
    }
    for (const QNetworkInterface &interface : interfaces) {
        m_socket.setMulticastInterface(interface);
        if (m_socket.writeDatagram(datagram, group(), kPort) < 0)
            qCDebug(lcDiscovery) << "cannot announce on" << interface.name() << ":"
                                 << m_socket.errorString();
    }
}

void BeaconChannel::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram
                = m_socket.receiveDatagram(RoomAnnouncement::kMaxDatagramBytes + 1);
        if (datagram.isValid())
            emit received(datagram.data(), datagram.senderAddress());
    }
}
