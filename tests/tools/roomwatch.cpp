// tertulia-roomwatch: the window's list of rooms on this network (RoomDirectory), printed as
// one JSON object per change, for tests in other languages. Also prints each beacon datagram
// it refused, with why.

#include "beaconlistener.h"
#include "roomdirectory.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void print(const QJsonObject &line)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QJsonObject describe(const FoundRoom &found)
{
    const RoomAnnouncement &room = found.announcement;
    return {{u"id"_s, room.id},
            {u"room"_s, room.room},
            {u"host"_s, room.host},
            {u"members"_s, room.members},
            {u"password"_s, room.password},
            {u"tls"_s, room.tls},
            {u"locked"_s, room.locked},
            {u"fingerprint"_s, room.fingerprint},
            {u"protocol"_s, room.protocol},
            {u"version"_s, room.version},
            {u"url"_s, found.pageUrl().toString()},
            {u"beacon"_s, found.viaBeacon},
            {u"dnssd"_s, found.viaDnsSd}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    RoomDirectory directory;
    QObject::connect(&directory, &RoomDirectory::changed, &app, [&directory] {
        QJsonArray rooms;
        for (const FoundRoom &found : directory.rooms())
            rooms.append(describe(found));
        print({{u"rooms"_s, rooms},
               {u"beaconProblem"_s, directory.beaconProblem()},
               {u"avahiProblem"_s, directory.avahiProblem()}});
    });
    // The directory's own listener drops what it refuses quietly; a second one says why.
    BeaconListener refusals;
    QObject::connect(&refusals, &BeaconListener::rejected, &app,
                     [](const QHostAddress &from, const QString &why) {
                         print({{u"rejected"_s, why}, {u"from"_s, from.toString()}});
                     });
    QString error;
    if (!refusals.start(&error))
        print({{u"listenerProblem"_s, error}});
    directory.start();
    return app.exec();
}
