#include "hostlauncher.h"

#include "sessionsignals.h"

#include "chathost.h"
#include "hostoptions.h"
#include "shareaddresses.h"
#include "translations.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

void HostLauncher::setUpApplication(QCoreApplication &app, const QString &name)
{
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setOrganizationName(u"Tertulia"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TERTULIA_VERSION));
    Translations::install(app);
}

std::optional<HostSettings> HostLauncher::readOptions(const QCommandLineParser &parser)
{
    // Info and warnings always; QT_LOGGING_RULES still overrides this.
    if (parser.isSet(u"verbose"_s))
        QLoggingCategory::setFilterRules(u"tertulia.*.debug=true"_s);
    QString error;
    std::optional<HostSettings> options = HostOptions::read(parser, &error);
    if (!options)
        printError(error);
    return options;
}

bool HostLauncher::start(ChatHost &host, const HostSettings &settings)
{
    if (!host.start(settings)) {
        printError(host.errorString());
        if (host.failure() == ChatHost::Failure::Listen && settings.port != 0)
            printError(tr("Choose another port with --port N, or --port 0 for any free one."));
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
