#pragma once

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkInterface>
#include <QtNetwork/QUdpSocket>

// The beacon's UDP socket: bound to its port beside every other Tertulia on this computer
// (address reuse), a member of its multicast group on each interface that can multicast, and
// sending to the group on each of them with a TTL of 1, so nothing leaves the LAN.
class BeaconChannel final : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 kPort = 53176;
    static QHostAddress group(); // 239.255.84.76, organisation-local

    explicit BeaconChannel(QObject *parent = nullptr);

    // False, with *error, when the port cannot be bound.
    bool open(QString *error);
    void send(const QByteArray &datagram);

signals:
    // Anything longer than RoomAnnouncement::kMaxDatagramBytes arrives cut to one byte more.
    void received(const QByteArray &datagram, const QHostAddress &sender);

private:
    void joinNewInterfaces(const QList<QNetworkInterface> &interfaces);
    void onReadyRead();

    QUdpSocket m_socket;
    QList<int> m_joined; // interface indexes
};
