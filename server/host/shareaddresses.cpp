#include "shareaddresses.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ShareAddresses {

namespace {

bool looksVirtual(const Candidate &candidate)
{
    static const QStringList prefixes{u"docker"_s, u"br-"_s,     u"veth"_s,      u"virbr"_s,
                                      u"vmnet"_s,  u"vboxnet"_s, u"tun"_s,       u"tap"_s,
                                      u"wg"_s,     u"zt"_s,      u"tailscale"_s, u"utun"_s};
    if (candidate.interfaceType == QNetworkInterface::Virtual)
        return true;
    return std::any_of(prefixes.cbegin(), prefixes.cend(), [&](const QString &prefix) {
        return candidate.interfaceName.startsWith(prefix, Qt::CaseInsensitive);
    });
}

bool isPrivateIPv4(const QHostAddress &address)
{
    return address.isInSubnet(QHostAddress(u"10.0.0.0"_s), 8)
           || address.isInSubnet(QHostAddress(u"172.16.0.0"_s), 12)
           || address.isInSubnet(QHostAddress(u"192.168.0.0"_s), 16);
}

int rankOf(const Candidate &candidate)
{
    if (candidate.address.isLoopback())
        return 3;
    if (looksVirtual(candidate))
        return 2;
    return isPrivateIPv4(candidate.address) ? 0 : 1;
}

} // namespace

QList<QHostAddress> rank(const QList<Candidate> &candidates)
{
    QList<Candidate> sorted = candidates;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Candidate &a, const Candidate &b) { return rankOf(a) < rankOf(b); });
    QList<QHostAddress> addresses;
    for (const Candidate &candidate : sorted) {
        if (!addresses.contains(candidate.address))
            addresses.append(candidate.address);
    }
    return addresses;
}

QList<QHostAddress> forBinding(const QHostAddress &bound)
{
    const bool anyAddress = bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4
                            || bound == QHostAddress::AnyIPv6;
    if (!anyAddress)
        return {bound};

    QList<Candidate> candidates;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
                candidates.append({entry.ip(), interface.name(), interface.type()});
        }
    }
    QList<QHostAddress> ranked = rank(candidates);
    if (ranked.isEmpty())
        ranked.append(QHostAddress(QHostAddress::LocalHost));
    return ranked;
}

QUrl pageUrl(const QHostAddress &address, quint16 port, bool tls)
{
    QUrl url;
    url.setScheme(tls ? u"https"_s : u"http"_s);
    url.setHost(address.toString());
    url.setPort(port);
    url.setPath(u"/"_s);
    return url;
}

} // namespace ShareAddresses
