#pragma once

#include <QtNetwork/QHostAddress>

namespace PeerAddress {

// A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; people (and block lists) know
// a.b.c.d.
inline QHostAddress plain(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4) : address;
}

} // namespace PeerAddress
