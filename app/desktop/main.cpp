// tertulia: hosts a room and opens the chat window joined to it, or joins a room elsewhere.

#include "chathost.h"
#include "desktopsession.h"
#include "displayprobe.h"
#include "hostlauncher.h"
#include "hostoptions.h"
#include "joinaddress.h"
#include "roomannouncement.h"
#include "sessionsignals.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

#include <memory>
#include <optional>
#include <vector>

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

// QGuiApplication takes "-name"/"--name VALUE" for itself (the X11 resource name) and removes
// it from argv, so Qt gets the arguments without it and our parser gets them all.
std::vector<char *> argumentsForQt(int argc, char *argv[])
{
    std::vector<char *> kept;
    for (int i = 0; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--name" || argument == "-name") {
            ++i;
            continue;
        }
        if (!argument.startsWith("--name=") && !argument.startsWith("-name="))
            kept.push_back(argv[i]);
    }
    kept.push_back(nullptr);
    return kept;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Hosts a chat room that anyone on the network can join "
                    "from a browser, and chats in it from this window."));
    parser.addHelpOption();
    parser.addVersionOption();
    HostOptions::addTo(parser);
    parser.addOption(
            {u"join"_s,
             QCoreApplication::translate(
                     "main", "Join the room at URL instead of hosting one (http://HOST:PORT/)."),
             u"URL"_s});
    parser.addOption(
            {u"name"_s, QCoreApplication::translate("main", "Your name in the room."), u"NAME"_s});
    parser.addOption({u"fingerprint"_s,
                      QCoreApplication::translate("main", "With --join to an HTTPS host whose "
                                                          "certificate is self-signed: its SHA-256 "
                                                          "fingerprint, as the host shows it."),
                      u"SHA256"_s});
    parser.addOption(
            {u"find-rooms"_s,
             QCoreApplication::translate("main", "Show the rooms announced on this network and "
                                                 "join the one chosen, instead of hosting one.")});
}

std::optional<QUrl> joinAddress(const QString &text)
{
    const std::optional<QUrl> address = JoinAddress::parse(text);
    if (!address)
        printError(JoinAddress::problemWith(text));
    return address;
}

int hostWithoutWindow(QCoreApplication &app, const QCommandLineParser &parser,
                      const HostSettings &settings, SessionSignals &sessionSignals)
{
    if (parser.isSet(u"join"_s) || parser.isSet(u"find-rooms"_s)) {
        printError(QCoreApplication::translate(
                "main", "No display found: the chat window needs one to join a room."));
        return HostLauncher::kExitUsage;
    }
    printError(QCoreApplication::translate(
            "main", "No display found: hosting without a window (tertulia-server does the same)."));
    ChatHost host;
    HostLauncher::endOnSignals(sessionSignals, host);
    if (!HostLauncher::start(host, settings))
        return HostLauncher::kExitCannotListen;
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::vector<char *> qtArgv = argumentsForQt(argc, argv);
    int qtArgc = int(qtArgv.size()) - 1;

    const bool hasDisplay = DisplayProbe::displayAvailable();
    std::unique_ptr<QCoreApplication> app
            = hasDisplay ? std::make_unique<QApplication>(qtArgc, qtArgv.data())
                         : std::make_unique<QCoreApplication>(qtArgc, qtArgv.data());
    HostLauncher::setUpApplication(*app, u"tertulia"_s);

    QCommandLineParser parser;
    addOptions(parser);
    if (!HostLauncher::parse(parser, arguments))
        return HostLauncher::kExitUsage;
    std::optional<HostSettings> options = HostLauncher::readOptions(parser, true);
    if (!options)
        return HostLauncher::kExitUsage;
    // The window remembers the port it hosted on, so the shared address stays the same.
    if (!parser.isSet(u"port"_s) && hasDisplay)
        options->port = quint16(QSettings().value(u"port"_s, options->port).toUInt());
    SessionSignals sessionSignals;
    if (!hasDisplay)
        return hostWithoutWindow(*app, parser, *options, sessionSignals);

    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : defaultName();
    // Announced as the host's room ("Ana's room") unless named otherwise.
    if (!HostOptions::namesTheRoom(parser)
        && RoomAnnouncement::problemWithRoomName(HostOptions::roomNameFor(name)).isEmpty())
        options->roomName = HostOptions::roomNameFor(name);
    QGuiApplication::setWindowIcon(QIcon(u":/tertulia/tertulia.svg"_s));
    QGuiApplication::setDesktopFileName(u"tertulia"_s);
    DesktopSession session;
    // A signal means the session is ending: the room ends for everyone, then the app exits.
    QObject::connect(&sessionSignals, &SessionSignals::endRequested, &session,
                     &DesktopSession::end);
    if (parser.isSet(u"find-rooms"_s)) {
        session.findRooms(name);
    } else if (parser.isSet(u"join"_s)) {
        const std::optional<QUrl> address = joinAddress(parser.value(u"join"_s));
        if (!address)
            return HostLauncher::kExitUsage;
        session.join(*address, name, options->password, parser.value(u"fingerprint"_s));
    } else if (!session.host(*options, name)) {
        return HostLauncher::kExitCannotListen;
    }
    return app->exec();
}
