#include "requesthead.h"

std::optional<RequestHead> RequestHead::parse(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return std::nullopt;

    RequestHead parsed;
    parsed.m_method = requestLine.at(0);
    parsed.m_target = requestLine.at(1);
    if (parsed.m_method.isEmpty() || !parsed.m_target.startsWith('/'))
        return std::nullopt;

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        parsed.m_headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return parsed;
}

QByteArray RequestHead::path() const
{
    const qsizetype query = m_target.indexOf('?');
    return query < 0 ? m_target : m_target.left(query);
}

QByteArray RequestHead::header(const QByteArray &name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto &[key, value] : m_headers) {
        if (key == wanted)
            return value;
    }
    return {};
}

bool RequestHead::isWebSocketUpgrade() const
{
    // "Connection" may list several tokens, e.g. "keep-alive, Upgrade" (Firefox).
    const QList<QByteArray> tokens = header("connection").toLower().split(',');
    const bool connectionUpgrade = std::any_of(
            tokens.cbegin(), tokens.cend(), [](const auto &t) { return t.trimmed() == "upgrade"; });
    return connectionUpgrade && header("upgrade").toLower() == "websocket";
}
