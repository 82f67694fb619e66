#pragma once

#include "hostsettings.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

class QCommandLineParser;

// The command-line options every way of hosting shares, turned into HostSettings.
class HostOptions final
{
    Q_DECLARE_TR_FUNCTIONS(HostOptions)

public:
    static constexpr quint16 kDefaultPort = 8080;
    static constexpr int kMaxBacklog = Tertulia::RoomLimits{}.historyPage; // one history page

    static void addTo(QCommandLineParser &parser);
    // Nothing, with *error set, when a value is not usable.
    // announceByDefault: without --announce or --no-announce (the desktop app announces).
    static std::optional<HostSettings> read(const QCommandLineParser &parser,
                                            bool announceByDefault, QString *error);
    // Whether --room-name or TERTULIA_ROOM_NAME names the room (else a default does).
    static bool namesTheRoom(const QCommandLineParser &parser);
    // "Ana's room", from the login name.
    static QString defaultRoomName();
    static QString roomNameFor(const QString &person);
    // QStandardPaths' AppDataLocation: depends on the application's name.
    static QString defaultDataDirectory();

private:
    static QString roomNameInEnvironment();
};
