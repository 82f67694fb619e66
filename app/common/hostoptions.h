#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

#include <optional>

class QCommandLineParser;

// The command-line options every way of hosting shares: --port and --bind.
class HostOptions final
{
    Q_DECLARE_TR_FUNCTIONS(HostOptions)

public:
    static constexpr quint16 kDefaultPort = 8080;

    static void addTo(QCommandLineParser &parser);
    // Nothing, with *error set, when a value is not usable.
    static std::optional<HostOptions> read(const QCommandLineParser &parser, QString *error);

    QHostAddress bindAddress {QHostAddress::Any};
    quint16 port = kDefaultPort;
};
