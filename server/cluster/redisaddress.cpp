#include "redisaddress.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

std::optional<RedisAddress> RedisAddress::parse(const QString &url, QString *errorString)
{
    const QUrl parsed(url, QUrl::StrictMode);
    RedisAddress address;
    if (parsed.scheme() == u"unix"_s && parsed.host().isEmpty() && !parsed.path().isEmpty()) {
        address.socketPath = parsed.path();
        return address;
    }
    if (parsed.scheme() == u"redis"_s && !parsed.host().isEmpty() && parsed.path().isEmpty()
        && parsed.userInfo().isEmpty()) {
        address.host = parsed.host();
        address.port = parsed.port(6379);
        return address;
    }
    *errorString = QCoreApplication::translate(
                           "RedisAddress",
                           "%1 is not a Redis address: give redis://HOST:PORT or unix:///PATH.")
                           .arg(url);
    return std::nullopt;
}

QString RedisAddress::toString() const
{
    return socketPath.isEmpty() ? u"redis://%1:%2"_s.arg(host).arg(port)
                                : u"unix://%1"_s.arg(socketPath);
}
