// tertulia-probe: the native client's ChatConnection with a line interface, so tests written
// in other languages (the browser test) can chat through the real native client code.
// stdin: one message to send per line ("/file PATH" sends a file instead). stdout: one JSON
// object per event.

#include "chatconnection.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void emitEvent(const QJsonObject &event)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: tertulia-probe URL NAME\n");
        return 2;
    }
    ChatConnection connection;
    QObject::connect(&connection, &ChatConnection::joined, &app, [](const QString &name) {
        emitEvent({{"event", "joined"}, {"name", name}});
    });
    QObject::connect(&connection, &ChatConnection::messageReceived, &app,
                     [](const Tertulia::ChatMessage &message) {
                         emitEvent({{"event", "message"},
                                    {"id", message.id},
                                    {"name", message.name},
                                    {"text", message.text}});
                     });
    QObject::connect(&connection, &ChatConnection::historyReceived, &app,
                     [](const QList<Tertulia::ChatMessage> &messages,
                        ChatConnection::HistoryKind kind, bool hasMore) {
                         QJsonArray ids;
                         for (const Tertulia::ChatMessage &message : messages)
                             ids.append(message.id);
                         emitEvent({{"event", "history"},
                                    {"kind", QVariant::fromValue(kind).toString().toLower()},
                                    {"ids", ids},
                                    {"hasMore", hasMore}});
                     });
    QObject::connect(&connection, &ChatConnection::messageAcknowledged, &app,
                     [](const QString &clientId, qint64 id) {
                         emitEvent({{"event", "ack"}, {"clientId", clientId}, {"id", id}});
                     });
    QObject::connect(&connection, &ChatConnection::uploadProgress, &app,
                     [](const QString &clientId, qint64 stored, qint64 size) {
                         emitEvent({{"event", "file-progress"},
                                    {"clientId", clientId},
                                    {"stored", stored},
                                    {"size", size}});
                     });
    QObject::connect(&connection, &ChatConnection::fileAcknowledged, &app,
                     [](const QString &clientId, const Tertulia::FileInfo &file) {
                         emitEvent({{"event", "file-stored"},
                                    {"clientId", clientId},
                                    {"url", file.path()},
                                    {"type", file.type}});
                     });
    QObject::connect(
            &connection, &ChatConnection::messageFailed, &app,
            [](const QString &clientId, const QString &reason) {
                emitEvent({{"event", "failed"}, {"clientId", clientId}, {"reason", reason}});
            });
    QObject::connect(&connection, &ChatConnection::presenceChanged, &app,
                     [](const QStringList &joined, const QStringList &left) {
                         emitEvent({{"event", "presence"},
                                    {"joined", QJsonArray::fromStringList(joined)},
                                    {"left", QJsonArray::fromStringList(left)}});
                     });
    QObject::connect(&connection, &ChatConnection::membersChanged, &app,
                     [](const QList<Tertulia::MemberInfo> &members) {
                         QJsonArray list;
                         for (const Tertulia::MemberInfo &member : members)
                             list.append(QJsonObject{{"name", member.name}, {"away", member.away}});
                         emitEvent({{"event", "members"}, {"members", list}});
                     });
    QObject::connect(&connection, &ChatConnection::errorReceived, &app,
                     [](const QString &code, const QString &reason) {
                         emitEvent({{"event", "error"}, {"code", code}, {"reason", reason}});
                     });
    QObject::connect(&connection, &ChatConnection::nameRefused, &app, [](const QString &reason) {
        emitEvent({{"event", "refused"}, {"reason", reason}});
        QCoreApplication::exit(1);
    });

    // Raw reads, not std::getline: a buffered stream may hold lines the notifier never
    // announces again.
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&connection, &input, &pending] {
        char buffer[4096];
        const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (count <= 0) {
            input.setEnabled(false); // end of input: keep chatting until stopped
            return;
        }
        pending.append(buffer, count);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            if (line.startsWith(u"/file "_s)) {
                QString error;
                const QString clientId = connection.sendFile(line.mid(6), {}, &error);
                emitEvent({{"event", "file-sent"}, {"clientId", clientId}, {"error", error}});
                continue;
            }
            const QString clientId = connection.send(line);
            emitEvent({{"event", "sent"}, {"clientId", clientId}, {"text", line}});
        }
    });

    connection.open(QUrl(arguments.at(1)), arguments.at(2));
    return app.exec();
}
