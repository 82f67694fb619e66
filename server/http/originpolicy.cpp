#include "originpolicy.h"

#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QHostInfo>
#include <QtNetwork/QNetworkInterface>

using namespace Qt::StringLiterals;

namespace {

QString normalised(const QUrl &url)
{
    QString text = url.scheme().toLower() + u"://"_s + url.host().toLower();
    if (url.port() != -1)
        text += u':' + QString::number(url.port());
    return text;
}

} // namespace

OriginPolicy::OriginPolicy(quint16 port, const QStringList &extraOrigins) : m_port(port)
{
    for (const QString &origin : extraOrigins)
        m_extraOrigins.append(normalised(QUrl(origin.trimmed())));
}

bool OriginPolicy::allows(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return true;
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || url.host().isEmpty())
        return false; // "null" (sandboxed frames, file: pages) and anything unreadable
    if (m_extraOrigins.contains(normalised(url)))
        return true;
    const bool ownScheme = url.scheme() == u"http" || url.scheme() == u"https";
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    return ownScheme && url.port(defaultPort) == m_port && isThisMachine(url.host());
}

bool OriginPolicy::isThisMachine(const QString &host) const
{
    // By address or by this machine's own name only: a page on another name that merely
    // resolves here (DNS rebinding) is still another site.
    const QString name = host.toLower();
    const QString localName = QHostInfo::localHostName().toLower();
    if (name == u"localhost" || name == localName || name == localName + u".local")
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback())
        return true;
    const QList<QHostAddress> own = QNetworkInterface::allAddresses();
    return std::any_of(own.cbegin(), own.cend(), [&](const QHostAddress &candidate) {
        return candidate.isEqual(address, QHostAddress::TolerantConversion);
    });
}
