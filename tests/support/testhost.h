#pragma once

#include "chathost.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

// A real host on 127.0.0.1 with its history in a fresh temporary directory.
struct TestHost
{
    explicit TestHost(int resumeGraceMs = 60'000, quint16 port = 0,
                      const QString &dataDirectory = QString())
    {
        settings.address = QHostAddress::LocalHost;
        settings.port = port;
        settings.dataDirectory = dataDirectory.isEmpty() ? dir.path() : dataDirectory;
        settings.resumeGraceMs = resumeGraceMs;
        // Tests send as fast as they can; the rate limit has tests of its own.
        settings.limits.messagesPerSecond = 100'000;
        settings.limits.messageBurst = 100'000;
    }

    bool start() { return host.start(settings); }
    quint16 port() const { return host.port(); }
    QUrl pageUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port())); }
    QUrl socketUrl(const QString &query = QString()) const
    {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port()));
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }

    QTemporaryDir dir;
    HostSettings settings;
    ChatHost host;
};
