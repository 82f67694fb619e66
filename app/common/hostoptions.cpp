#include "hostoptions.h"

#include <QtCore/QCommandLineParser>

using namespace Qt::StringLiterals;

void HostOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({u"port"_s,
                      tr("Port for the page and the chat (0 picks a free one; default %1).")
                              .arg(kDefaultPort),
                      tr("N")});
    parser.addOption(
            {u"bind"_s, tr("Address to listen on (default: every interface)."), tr("ADDRESS")});
}

std::optional<HostOptions> HostOptions::read(const QCommandLineParser &parser, QString *error)
{
    HostOptions options;
    if (parser.isSet(u"port"_s)) {
        bool ok = false;
        const uint port = parser.value(u"port"_s).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = tr("Invalid port \"%1\": use a number from 0 to 65535.")
                             .arg(parser.value(u"port"_s));
            return std::nullopt;
        }
        options.port = quint16(port);
    }
    if (parser.isSet(u"bind"_s)) {
        const QString text = parser.value(u"bind"_s);
        if (!options.bindAddress.setAddress(text)) {
            *error = tr("Invalid address \"%1\": use an IP address such as 0.0.0.0 or "
                        "192.168.1.20.")
                             .arg(text);
            return std::nullopt;
        }
    }
    return options;
}
