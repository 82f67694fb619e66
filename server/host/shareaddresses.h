#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkInterface>

// The addresses to give people so they can join, best first: private LAN addresses of physical
// interfaces, then other addresses (VPN, containers, virtual bridges), loopback last.
namespace ShareAddresses {

struct Candidate
{
    QHostAddress address;
    QString interfaceName;
    QNetworkInterface::InterfaceType interfaceType = QNetworkInterface::Unknown;
};

// Ranks candidates; stable for equal ranks. Pure, so it can be tested with made-up interfaces.
QList<QHostAddress> rank(const QList<Candidate> &candidates);

// The IPv4 addresses of this machine's running interfaces that a host bound to `bound` serves.
QList<QHostAddress> forBinding(const QHostAddress &bound);

QUrl pageUrl(const QHostAddress &address, quint16 port, bool tls = false);

} // namespace ShareAddresses
