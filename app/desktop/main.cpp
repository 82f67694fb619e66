// tertulia: hosts a room and opens the chat window joined to it, or joins a room elsewhere.

#include "chathost.h"
#include "desktopsession.h"
#include "displayprobe.h"
#include "hostlauncher.h"
#include "hostoptions.h"
#include "quitonsignal.h"
#include "translations.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtWidgets/QApplication>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString defaultName()
{
    const QString remembered = QSettings().value(u"name"_s).toString();
    if (!remembered.isEmpty())
        return remembered;
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.isEmpty() ? u"Host"_s : login.left(1).toUpper() + login.mid(1);
}

} // namespace

int main(int argc, char *argv[])
{
    const bool hasDisplay = DisplayProbe::displayAvailable();
    std::unique_ptr<QCoreApplication> app
            = hasDisplay ? std::make_unique<QApplication>(argc, argv)
                         : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"tertulia"_s);
    QCoreApplication::setOrganizationName(u"Tertulia"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TERTULIA_VERSION));
    Translations::install(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Hosts a chat room that anyone on the network can join from a browser, and "
                    "chats in it from this window."));
    parser.addHelpOption();
    parser.addVersionOption();
    HostOptions::addTo(parser);
    parser.addOption({u"join"_s,
                      QCoreApplication::translate("main", "Join the room at URL instead of hosting "
                                                          "one (http://HOST:PORT/)."),
                      u"URL"_s});
    parser.addOption(
            {u"name"_s, QCoreApplication::translate("main", "Your name in the room."), u"NAME"_s});
    parser.process(*app);

    QString error;
    const std::optional<HostOptions> options = HostOptions::read(parser, &error);
    if (!options) {
        printError(error);
        return HostLauncher::kExitUsage;
    }
    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : defaultName();
    QuitOnSignal quitOnSignal;

    if (!hasDisplay) {
        if (parser.isSet(u"join"_s)) {
            printError(QCoreApplication::translate("main", "No display found: the chat window "
                                                           "needs one to join a room."));
            return HostLauncher::kExitUsage;
        }
        printError(QCoreApplication::translate("main", "No display found: hosting without a "
                                                       "window (tertulia-server does the same)."));
        ChatHost host;
        if (!HostLauncher::start(host, *options))
            return HostLauncher::kExitCannotListen;
        return app->exec();
    }

    DesktopSession session;
    if (parser.isSet(u"join"_s)) {
        const QUrl address = QUrl::fromUserInput(parser.value(u"join"_s));
        const QStringList schemes {u"http"_s, u"https"_s, u"ws"_s, u"wss"_s};
        if (!address.isValid() || address.host().isEmpty() || !schemes.contains(address.scheme())) {
            printError(QCoreApplication::translate("main", "Invalid address \"%1\": use the "
                                                           "address the host shows, like "
                                                           "http://192.168.1.20:8080/.")
                               .arg(parser.value(u"join"_s)));
            return HostLauncher::kExitUsage;
        }
        session.join(address, name);
    } else if (!session.host(*options, name)) {
        return HostLauncher::kExitCannotListen;
    }
    return app->exec();
}
