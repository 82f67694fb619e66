#include "hostoptions.h"

#include "redisaddress.h"
#include "roomannouncement.h"

#include "translations.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QStandardPaths>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// One numeric limit on the command line: its flag, where it goes, and its allowed range.
struct LimitOption
{
    QString flag;
    const char *description;
    double HostLimits::*real = nullptr;
    int HostLimits::*integer = nullptr;
    qint64 HostLimits::*large = nullptr;
    double minimum;
    double maximum;
};

const QList<LimitOption> &limitOptions()
{
    static const QList<LimitOption> options{
            {u"rate"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Messages a second one connection may send (default %1)."),
             &HostLimits::messagesPerSecond, nullptr, nullptr, 0.1, 1e6},
            {u"burst"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Messages one connection may send at once (default %1)."),
             nullptr, &HostLimits::messageBurst, nullptr, 1, 1e6},
            {u"max-connections"_s,
             QT_TRANSLATE_NOOP("HostOptions", "Connections in all (default %1)."), nullptr,
             &HostLimits::maxConnections, nullptr, 1, 1e6},
            {u"max-per-address"_s,
             QT_TRANSLATE_NOOP("HostOptions", "Connections from one address (default %1)."),
             nullptr, &HostLimits::maxConnectionsPerAddress, nullptr, 1, 1e6},
            {u"max-message-bytes"_s,
             QT_TRANSLATE_NOOP("HostOptions", "Largest WebSocket message, in bytes (default %1)."),
             nullptr, nullptr, &HostLimits::maxMessageBytes, 1024, 16 * 1024 * 1024},
            {u"max-message-length"_s,
             QT_TRANSLATE_NOOP("HostOptions", "Longest chat message, in characters (default %1)."),
             nullptr, &HostLimits::maxMessageLength, nullptr, 1, 1'000'000},
            {u"max-name-length"_s,
             QT_TRANSLATE_NOOP("HostOptions", "Longest name, in characters (default %1)."), nullptr,
             &HostLimits::maxNameLength, nullptr, 1, 256},
            {u"idle-timeout"_s,
             QT_TRANSLATE_NOOP(
                     "HostOptions",
                     "Milliseconds of silence before a peer counts as dead (default %1)."),
             nullptr, &HostLimits::idleTimeoutMs, nullptr, 1000, 86'400'000},
            {u"max-queued-bytes"_s,
             QT_TRANSLATE_NOOP(
                     "HostOptions",
                     "Bytes waiting for one slow reader before it is dropped (default %1)."),
             nullptr, nullptr, &HostLimits::maxQueuedBytes, 64 * 1024, 1e10},
            {u"max-history-bytes"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Largest the history may grow on disk, in bytes; the oldest "
                               "messages go first (default %1)."),
             nullptr, nullptr, &HostLimits::maxHistoryBytes, 1024 * 1024, 1e15},
            {u"store-rate"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Bytes of messages one address may store a second, with 128 "
                               "seconds' worth at once (default %1)."),
             nullptr, nullptr, &HostLimits::storedBytesPerSecond, 1024, 1e12},
            {u"min-free-disk"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Bytes that must stay free on the history's disk; below, messages "
                               "are refused, and files below twice that (default %1)."),
             nullptr, nullptr, &HostLimits::minFreeDiskBytes, 0, 1e15},
            {u"max-file-size"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Largest file a member may send, in bytes; 0 takes no files "
                               "(default %1)."),
             nullptr, nullptr, &HostLimits::maxFileBytes, 0, 1e15},
            {u"files-cap"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Bytes of files the room keeps in all; the oldest files go first, "
                               "with their messages (default %1)."),
             nullptr, nullptr, &HostLimits::maxFilesBytes, 1024, 1e15},
            {u"upload-rate"_s,
             QT_TRANSLATE_NOOP("HostOptions",
                               "Bytes a second one member may upload; 0 for no limit "
                               "(default %1)."),
             nullptr, nullptr, &HostLimits::uploadBytesPerSecond, 0, 1e15},
    };
    return options;
}

QString defaultText(const LimitOption &option)
{
    const HostLimits defaults;
    if (option.real)
        return QString::number(defaults.*option.real);
    if (option.integer)
        return QString::number(defaults.*option.integer);
    return QString::number(defaults.*option.large);
}

} // namespace

namespace {

// Qt's help breaks a word longer than its column mid-word: a path under the home folder is
// shown from ~, as shells write it, which keeps it short enough to stay whole.
QString shownPath(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + u'/') ? u"~"_s + path.mid(home.size()) : path;
}

} // namespace

void HostOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({u"lang"_s,
                      tr("Language of the interface: en, es or pt_BR (default: the system's)."),
                      tr("LANG")});
    parser.addOption(
            {u"verbose"_s, tr("Also log each join and leave and the native client's states (the "
                              "tertulia.* logging categories at debug level).")});
    parser.addOption({u"port"_s,
                      tr("Port for the page and the chat (0 picks a free one; default %1).")
                              .arg(kDefaultPort),
                      tr("N")});
    parser.addOption(
            {u"bind"_s, tr("Address to listen on (default: every interface)."), tr("ADDRESS")});
    parser.addOption({u"data-dir"_s,
                      tr("Where the room's history is kept (default: %1).")
                              .arg(shownPath(defaultDataDirectory())),
                      tr("DIR")});
    parser.addOption({u"history"_s,
                      tr("How much history to keep: all (default), a number of messages, or of "
                         "days such as 30d."),
                      tr("POLICY")});
    for (const LimitOption &limit : limitOptions())
        parser.addOption({limit.flag, tr(limit.description).arg(defaultText(limit)), tr("N")});
    parser.addOption(
            {u"allow-origin"_s,
             tr("Also let pages from ORIGIN (e.g. https://chat.example) join; repeatable."),
             tr("ORIGIN")});
    parser.addOption({u"password"_s,
                      tr("Ask everyone who joins for this password (better: the "
                         "TERTULIA_PASSWORD environment variable, which ps does not show)."),
                      tr("PASSWORD")});
    parser.addOption({u"cert"_s, tr("Serve HTTPS and WSS with this PEM certificate (with --key)."),
                      tr("FILE")});
    parser.addOption(
            {u"key"_s, tr("The certificate's private key, PEM, unencrypted."), tr("FILE")});
    parser.addOption({u"redis"_s,
                      tr("Share the room with other hosts through Redis at URL "
                         "(redis://HOST:PORT or unix:///PATH): one room behind a load balancer."),
                      tr("URL")});
    parser.addOption({u"announce"_s,
                      tr("Announce the room on the local network, so Tertulia's \"Join a room on "
                         "this network\" and service browsers list it (default for tertulia).")});
    parser.addOption(
            {u"no-announce"_s, tr("Do not announce the room on the local network (default for "
                                  "tertulia-server).")});
    parser.addOption(
            {u"room-name"_s,
             tr("The name the room is announced under (or the TERTULIA_ROOM_NAME environment "
                "variable; by default it is named after you, as in \"%1\").")
                     .arg(roomNameFor(u"Marta"_s)),
             tr("NAME")});
    parser.addOption({u"backlog"_s,
                      tr("How many earlier messages a newcomer sees (default %1, at most %2).")
                              .arg(HostSettings().backlog)
                              .arg(kMaxBacklog),
                      tr("N")});
}

std::optional<HostSettings> HostOptions::read(const QCommandLineParser &parser,
                                              bool announceByDefault, QString *error)
{
    HostSettings settings;
    if (parser.isSet(u"announce"_s) && parser.isSet(u"no-announce"_s)) {
        *error = tr("Choose one of --announce and --no-announce.");
        return std::nullopt;
    }
    settings.announce
            = parser.isSet(u"announce"_s) || (announceByDefault && !parser.isSet(u"no-announce"_s));
    settings.roomName = parser.isSet(u"room-name"_s) ? parser.value(u"room-name"_s).trimmed()
                        : namesTheRoom(parser)       ? roomNameInEnvironment()
                                                     : defaultRoomName();
    if (const QString problem = RoomAnnouncement::problemWithRoomName(settings.roomName);
        !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    settings.port = kDefaultPort;
    settings.dataDirectory
            = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : defaultDataDirectory();
    if (parser.isSet(u"port"_s)) {
        bool ok = false;
        const uint port = parser.value(u"port"_s).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = tr("Invalid port \"%1\": use a number from 0 to 65535.")
                             .arg(parser.value(u"port"_s));
            return std::nullopt;
        }
        settings.port = quint16(port);
    }
    if (parser.isSet(u"lang"_s) && Translations::known(parser.value(u"lang"_s)).isEmpty()) {
        *error = tr("Unknown language \"%1\": use one of %2.")
                         .arg(parser.value(u"lang"_s), Translations::available().join(u", "_s));
        return std::nullopt;
    }
    if (parser.isSet(u"bind"_s)) {
        const QString text = parser.value(u"bind"_s);
        if (!settings.address.setAddress(text)) {
            *error = tr("Invalid address \"%1\": use an IP address such as 0.0.0.0 or "
                        "192.168.1.20.")
                             .arg(text);
            return std::nullopt;
        }
    }
    if (parser.isSet(u"redis"_s)) {
        settings.redisUrl = parser.value(u"redis"_s);
        if (!RedisAddress::parse(settings.redisUrl, error))
            return std::nullopt;
    }
    if (parser.isSet(u"history"_s)) {
        const std::optional<RetentionPolicy> policy
                = RetentionPolicy::parse(parser.value(u"history"_s), error);
        if (!policy)
            return std::nullopt;
        settings.retention = *policy;
    }
    if (parser.isSet(u"backlog"_s)) {
        bool ok = false;
        const int backlog = parser.value(u"backlog"_s).toInt(&ok);
        if (!ok || backlog < 0 || backlog > kMaxBacklog) {
            *error = tr("Invalid backlog \"%1\": use a number from 0 to %2.")
                             .arg(parser.value(u"backlog"_s))
                             .arg(kMaxBacklog);
            return std::nullopt;
        }
        settings.backlog = backlog;
    }
    for (const LimitOption &limit : limitOptions()) {
        if (!parser.isSet(limit.flag))
            continue;
        bool ok = false;
        const double value = parser.value(limit.flag).toDouble(&ok);
        const bool whole = limit.real || value == std::floor(value);
        if (!ok || !whole || value < limit.minimum || value > limit.maximum) {
            *error = tr("Invalid --%1 \"%2\": use a number from %3 to %4.")
                             .arg(limit.flag, parser.value(limit.flag))
                             .arg(limit.minimum)
                             .arg(limit.maximum);
            return std::nullopt;
        }
        if (limit.real)
            settings.limits.*limit.real = value;
        else if (limit.integer)
            settings.limits.*limit.integer = int(value);
        else
            settings.limits.*limit.large = qint64(value);
    }
    settings.allowedOrigins = parser.values(u"allow-origin"_s);
    settings.certificateFile = parser.value(u"cert"_s);
    settings.keyFile = parser.value(u"key"_s);
    if (settings.certificateFile.isEmpty() != settings.keyFile.isEmpty()) {
        *error = tr("TLS needs both --cert FILE and --key FILE.");
        return std::nullopt;
    }
    settings.password = parser.isSet(u"password"_s) ? parser.value(u"password"_s)
                                                    : qEnvironmentVariable("TERTULIA_PASSWORD");
    return settings;
}

QString HostOptions::roomNameInEnvironment()
{
    return qEnvironmentVariable("TERTULIA_ROOM_NAME").trimmed();
}

bool HostOptions::namesTheRoom(const QCommandLineParser &parser)
{
    return parser.isSet(u"room-name"_s) || !roomNameInEnvironment().isEmpty();
}

QString HostOptions::defaultRoomName()
{
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return roomNameFor(login.left(1).toUpper() + login.mid(1));
}

QString HostOptions::roomNameFor(const QString &person)
{
    return person.isEmpty() ? tr("Tertulia room") : tr("%1's room").arg(person);
}

QString HostOptions::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
