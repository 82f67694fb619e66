#include "hostlauncher.h"

#include "sessionsignals.h"

#include "chathost.h"
#include "hostoptions.h"
#include "shareaddresses.h"
#include "translations.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QLoggingCategory>

#include <cstdio>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

void HostLauncher::setUpApplication(QCoreApplication &app, const QString &name)
{
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setOrganizationName(u"Tertulia"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TERTULIA_VERSION));
    Translations::install(app);
}

QString HostLauncher::addressAdvice(const QHostAddress &address)
{
    QStringList own;
    for (const QHostAddress &candidate : ShareAddresses::forBinding(QHostAddress::Any))
        own.append(candidate.toString());
    return tr("%1 is not an address of this computer. Leave --bind out to listen on all of them, "
              "or use one of: %2.")
            .arg(address.toString(), own.join(u", "_s));
}

bool HostLauncher::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        printError(tr("See %1 --help.").arg(QCoreApplication::applicationName()));
        return false;
    }
    // "--password --port 9061" gave the room the password "--port" and left the port at its
    // default: an option's value that is written as an option of its own is refused. The
    // "--password=--port" form says it is meant.
    for (const QString &name : parser.optionNames()) {
        for (const QString &value : parser.values(name)) {
            // An option's shape: --word or -w (a negative number is a value, left to its check).
            if (value.size() < 2 || !value.startsWith(u'-')
                || !(value.at(1) == u'-' || value.at(1).isLetter()))
                continue;
            for (qsizetype i = 1; i < arguments.size(); ++i) {
                const QString &option = arguments.at(i - 1);
                if (arguments.at(i) == value
                    && (option == u"--"_s + name || option == u"-"_s + name)) {
                    printError(tr("%1 needs a value, and \"%2\" is another option: give the "
                                  "value right after %1 (or write %1=%2 if that is the value).")
                                       .arg(option, value));
                    printError(tr("See %1 --help.").arg(QCoreApplication::applicationName()));
                    return false;
                }
            }
        }
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    return true;
}

std::optional<HostSettings> HostLauncher::readOptions(const QCommandLineParser &parser,
                                                      bool announceByDefault)
{
    // Info and warnings always; QT_LOGGING_RULES still overrides this.
    if (parser.isSet(u"verbose"_s))
        QLoggingCategory::setFilterRules(u"tertulia.*.debug=true"_s);
    QString error;
    std::optional<HostSettings> options = HostOptions::read(parser, announceByDefault, &error);
    if (!options)
        printError(error);
    return options;
}

void HostLauncher::allowOpenFiles(int connections)
{
    // Most systems start a process at 1 024 descriptors (soft) while allowing far more (hard):
    // a room of 10 000 needs one per member, and the host's own files besides.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return;
    const rlim_t wanted = rlim_t(connections) + 256;
    if (files.rlim_cur < wanted) {
        files.rlim_cur = std::min(wanted, files.rlim_max);
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

bool HostLauncher::start(ChatHost &host, const HostSettings &settings)
{
    allowOpenFiles(settings.limits.maxConnections);
    if (!host.start(settings)) {
        printError(host.errorString());
        if (host.failure() == ChatHost::Failure::Listen && settings.port != 0)
            printError(tr("Choose another port with --port N, or --port 0 for any free one."));
        if (host.failure() == ChatHost::Failure::Address)
            printError(addressAdvice(settings.address));
        return false;
    }
    const QList<QUrl> urls = pageUrls(host);
    std::fprintf(stdout, "Listening on %s\n", qPrintable(urls.first().toString()));
    for (qsizetype i = 1; i < urls.size(); ++i)
        std::fprintf(stdout, "Also reachable at %s\n", qPrintable(urls.at(i).toString()));
    if (host.usesTls()) {
        std::fprintf(stdout, "TLS certificate SHA-256 fingerprint: %s\n",
                     qPrintable(host.certificateFingerprint()));
    }
    std::fflush(stdout);
    return true;
}

QList<QUrl> HostLauncher::pageUrls(const ChatHost &host)
{
    QList<QUrl> urls;
    for (const QHostAddress &address : ShareAddresses::forBinding(host.address()))
        urls.append(ShareAddresses::pageUrl(address, host.port(), host.usesTls()));
    return urls;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    std::fflush(stderr);
}

void HostLauncher::endOnSignals(SessionSignals &sessionSignals, ChatHost &host)
{
    QObject::connect(&sessionSignals, &SessionSignals::endRequested, &host,
                     [&host] { host.endRoom(endedSentence()); });
    QObject::connect(&sessionSignals, &SessionSignals::restartRequested, &host,
                     &ChatHost::closeForRestart);
    QObject::connect(&host, &ChatHost::closed, &host, [] { QCoreApplication::exit(0); });
}

QString HostLauncher::endedSentence()
{
    return tr("The host ended the room.");
}
