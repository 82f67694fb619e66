#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

#include <optional>

// What a user types to join a room: the address the host shows (http://192.168.1.20:8080/),
// or HOST:PORT. A bare word is a typo, not a host.
class JoinAddress final
{
    Q_DECLARE_TR_FUNCTIONS(JoinAddress)

public:
    static std::optional<QUrl> parse(const QString &text);
    // Why `text` is not an address, in words for its user.
    static QString problemWith(const QString &text);
};
