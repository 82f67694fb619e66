#pragma once

#include <QtCore/QString>

// Avahi's D-Bus names and the constants of its API that Tertulia uses (avahi-common/defs.h).
namespace Avahi {

inline const QString kService = QStringLiteral("org.freedesktop.Avahi");
inline const QString kServer = QStringLiteral("org.freedesktop.Avahi.Server");
inline const QString kEntryGroup = QStringLiteral("org.freedesktop.Avahi.EntryGroup");
inline const QString kServiceBrowser = QStringLiteral("org.freedesktop.Avahi.ServiceBrowser");

constexpr int kAnyInterface = -1;
constexpr int kAnyProtocol = -1;
constexpr int kIPv4 = 0;
constexpr int kGroupEstablished = 2; // EntryGroup StateChanged
constexpr int kGroupCollision = 3;
constexpr int kGroupFailure = 4;

inline const QString kTertuliaType = QStringLiteral("_tertulia._tcp");
inline const QString kHttpType = QStringLiteral("_http._tcp");
inline const QString kHttpsType = QStringLiteral("_https._tcp");

} // namespace Avahi
