#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QUrl>

#include "hostoptions.h"

#include <optional>

class ChatHost;
class QCommandLineParser;
class SessionSignals;

// Starts a host as the command line asked and tells the user where it can be reached.
class HostLauncher final
{
    Q_DECLARE_TR_FUNCTIONS(HostLauncher)

public:
    static constexpr int kExitCannotListen = 1;
    static constexpr int kExitUsage = 2;

    // Names the application (settings, --version) and loads the translations.
    static void setUpApplication(QCoreApplication &app, const QString &name);
    // Reads the command line: --help and --version print and exit 0; an unknown option or a
    // missing value prints why and returns false (the caller exits with kExitUsage; Qt's
    // process() would exit 1, the "cannot start" code).
    static bool parse(QCommandLineParser &parser, const QStringList &arguments);
    // The hosting options' values, or nothing after printing what is wrong with them.
    static std::optional<HostSettings> readOptions(const QCommandLineParser &parser,
                                                   bool announceByDefault);
    // Prints "Listening on URL" lines to stdout, or the reason to stderr and returns false.
    // Raises this process's open-file limit as far as the system allows, up to what
    // `connections` members need.
    static void allowOpenFiles(int connections);
    static bool start(ChatHost &host, const HostSettings &settings);
    // SIGINT/SIGTERM end the room (members told), SIGHUP closes it for a restart; either way
    // the process exits 0 once the members have been told.
    static void endOnSignals(SessionSignals &sessionSignals, ChatHost &host);
    // Said when --bind names an address this computer does not have: which ones it has.
    static QString addressAdvice(const QHostAddress &address);
    // What members read when the host ends the room.
    static QString endedSentence();
    // Every address the page is reachable at, best first.
    static QList<QUrl> pageUrls(const ChatHost &host);
};

// Prints one line to stderr, for the two executables' error paths.
void printError(const QString &message);
