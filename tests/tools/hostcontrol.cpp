// tertulia-hostcontrol: tertulia-server with the hosting window's controls on stdin, so the
// browser tests can remove, lock and end as the host does. A real host on a real port.
// stdin lines: "remove NAME", "block ADDRESS", "unblock ADDRESS", "lock", "unlock",
// "password SECRET" (set from the window; "password" alone removes it),
// "end SENTENCE", "restart".

#include "chathost.h"
#include "hostlauncher.h"
#include "hostoptions.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    HostLauncher::setUpApplication(app, u"tertulia-hostcontrol"_s);
    QCommandLineParser parser;
    HostOptions::addTo(parser);
    parser.process(app);
    const std::optional<HostSettings> options = HostLauncher::readOptions(parser, false);
    if (!options)
        return HostLauncher::kExitUsage;
    ChatHost host;
    if (!HostLauncher::start(host, *options))
        return HostLauncher::kExitCannotListen;
    QObject::connect(&host, &ChatHost::closed, &app, [] { QCoreApplication::exit(0); });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            input.setEnabled(false);
            return;
        }
        pending.append(buffer, got);
        for (qsizetype end; (end = pending.indexOf('\n')) >= 0; pending.remove(0, end + 1)) {
            const QString line = QString::fromUtf8(pending.left(end));
            const QString command = line.section(u' ', 0, 0);
            const QString argument = line.section(u' ', 1);
            if (command == u"remove")
                host.removeMember(argument);
            else if (command == u"block")
                host.block(QHostAddress(argument));
            else if (command == u"unblock")
                host.unblock(argument);
            else if (command == u"lock" || command == u"unlock")
                host.setLocked(command == u"lock");
            else if (command == u"password")
                host.setPassword(argument);
            else if (command == u"end")
                host.endRoom(argument);
            else if (command == u"restart")
                host.closeForRestart();
            std::printf("done %s\n", qPrintable(command));
            std::fflush(stdout);
        }
    });
    return app.exec();
}
