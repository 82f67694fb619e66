// tertulia-server: the host alone, with no display and no QtWidgets.

#include "chathost.h"
#include "epolleventdispatcher.h"
#include "hostlauncher.h"
#include "hostoptions.h"
#include "sessionsignals.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Waiting costs what is ready, not every connection (EpollEventDispatcher). Both of Qt's
    // poll every socket each pass; TERTULIA_QT_DISPATCHER=1 runs the UNIX one, for comparison.
    if (qEnvironmentVariableIntValue("TERTULIA_QT_DISPATCHER") == 1)
        qputenv("QT_NO_GLIB", "1");
    else
        QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    HostLauncher::setUpApplication(app, u"tertulia-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "main",
            "Hosts a Tertulia chat room: a page for browsers and a chat socket, headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    HostOptions::addTo(parser);
    if (!HostLauncher::parse(parser, QCoreApplication::arguments()))
        return HostLauncher::kExitUsage;

    const std::optional<HostSettings> options = HostLauncher::readOptions(parser, false);
    if (!options)
        return HostLauncher::kExitUsage;
    // Before the Listening line: whoever reads it may send SIGTERM straight away.
    SessionSignals sessionSignals;
    ChatHost host;
    HostLauncher::endOnSignals(sessionSignals, host);
    if (!HostLauncher::start(host, *options))
        return HostLauncher::kExitCannotListen;
    return app.exec();
}
