#pragma once

#include <QtCore/QString>

#include <optional>

// Where Redis listens, as --redis gives it: redis://HOST:PORT (port 6379 if left out) or
// unix:///PATH/redis.sock.
struct RedisAddress
{
    QString host; // empty for a Unix socket
    int port = 6379;
    QString socketPath; // empty for TCP

    // Nothing, with *errorString saying why, if `url` is neither form.
    static std::optional<RedisAddress> parse(const QString &url, QString *errorString);
    QString toString() const;
};
