#include "joinaddress.h"

using namespace Qt::StringLiterals;

std::optional<QUrl> JoinAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const bool hasScheme = trimmed.contains(u"://"_s);
    const QUrl address(hasScheme ? trimmed : u"http://"_s + trimmed, QUrl::StrictMode);
    const QStringList schemes{u"http"_s, u"https"_s, u"ws"_s, u"wss"_s};
    if (!address.isValid() || address.host().isEmpty() || !schemes.contains(address.scheme())
        || (!hasScheme && address.port() == -1))
        return std::nullopt;
    return address;
}

QString JoinAddress::problemWith(const QString &text)
{
    return tr("Invalid address \"%1\": use the address the host shows, like "
              "http://192.168.1.20:8080/.")
            .arg(text);
}
