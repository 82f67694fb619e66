#include "hostoptions.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QStandardPaths>

using namespace Qt::StringLiterals;

void HostOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({u"port"_s,
                      tr("Port for the page and the chat (0 picks a free one; default %1).")
                              .arg(kDefaultPort),
                      tr("N")});
    parser.addOption(
            {u"bind"_s, tr("Address to listen on (default: every interface)."), tr("ADDRESS")});
    parser.addOption(
            {u"data-dir"_s,
             tr("Where the room's history is kept (default: %1).").arg(defaultDataDirectory()),
             tr("DIR")});
    parser.addOption({u"history"_s,
                      tr("How much history to keep: all (default), a number of messages, or of "
                         "days such as 30d."),
                      tr("POLICY")});
    parser.addOption({u"backlog"_s,
                      tr("How many earlier messages a newcomer sees (default %1, at most %2).")
                              .arg(HostSettings().backlog)
                              .arg(kMaxBacklog),
                      tr("N")});
}

std::optional<HostSettings> HostOptions::read(const QCommandLineParser &parser, QString *error)
{
    HostSettings settings;
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
    if (parser.isSet(u"bind"_s)) {
        const QString text = parser.value(u"bind"_s);
        if (!settings.address.setAddress(text)) {
            *error = tr("Invalid address \"%1\": use an IP address such as 0.0.0.0 or "
                        "192.168.1.20.")
                             .arg(text);
            return std::nullopt;
        }
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
    return settings;
}

QString HostOptions::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
