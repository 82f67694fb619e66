// The LAN announcements' two encodings alone: the beacon's datagram and the DNS-SD TXT record,
// and everything a forger on the LAN might send instead.

#include "beaconchannel.h"
#include "beaconmessage.h"
#include "roomdirectory.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

namespace {

RoomAnnouncement sampleRoom()
{
    RoomAnnouncement room;
    room.id = u"q3Jx-9vZ_aaabbbcccddd"_s;
    room.protocol = 1;
    room.version = u"0.1.0"_s;
    room.room = u"Ana's room 🎉"_s;
    room.host = u"ana-laptop"_s;
    room.port = 8080;
    room.tls = true;
    room.password = true;
    room.locked = false;
    room.members = 12;
    room.fingerprint = u"0123456789abcdef0123456789abcdef"_s;
    return room;
}

// The sample room's datagram with one field replaced (or removed, when `value` is undefined).
QByteArray roomWith(const QString &field, const QJsonValue &value)
{
    BeaconMessage message;
    message.kind = BeaconMessage::Kind::Room;
    message.room = sampleRoom();
    QJsonObject object = QJsonDocument::fromJson(message.encode()).object();
    if (value.isUndefined())
        object.remove(field);
    else
        object.insert(field, value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_BeaconMessage final : public QObject
{
    Q_OBJECT

private slots:
    void roomRoundTrips();
    void goodbyeAndQueryRoundTrip();
    void refusesWhatIsNotAnAnnouncement_data();
    void refusesWhatIsNotAnAnnouncement();
    void txtRoundTripsAndIsChecked();
    void roomNamesForTheCommandLine();
    void fingerprintPrefixFromTheHostsForm();
    void theDocumentedBeaconIsThisOne();
};

void tst_BeaconMessage::roomRoundTrips()
{
    BeaconMessage message;
    message.kind = BeaconMessage::Kind::Room;
    message.room = sampleRoom();
    const QByteArray datagram = message.encode();
    QVERIFY(datagram.size() <= RoomAnnouncement::kMaxDatagramBytes);
    QString why;
    const std::optional<BeaconMessage> decoded = BeaconMessage::decode(datagram, &why);
    QVERIFY2(decoded, qPrintable(why));
    QCOMPARE(decoded->kind, BeaconMessage::Kind::Room);
    QVERIFY(decoded->room == sampleRoom());
}

void tst_BeaconMessage::goodbyeAndQueryRoundTrip()
{
    BeaconMessage goodbye;
    goodbye.kind = BeaconMessage::Kind::Goodbye;
    goodbye.room.id = sampleRoom().id;
    const std::optional<BeaconMessage> decoded = BeaconMessage::decode(goodbye.encode(), nullptr);
    QVERIFY(decoded);
    QCOMPARE(decoded->kind, BeaconMessage::Kind::Goodbye);
    QCOMPARE(decoded->room.id, sampleRoom().id);

    const std::optional<BeaconMessage> query
            = BeaconMessage::decode(BeaconMessage().encode(), nullptr);
    QVERIFY(query);
    QCOMPARE(query->kind, BeaconMessage::Kind::Query);
}

void tst_BeaconMessage::refusesWhatIsNotAnAnnouncement_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("why");
    QTest::newRow("oversized") << roomWith(u"host"_s, QString(2000, u'a')) << u"larger"_s;
    QTest::newRow("not JSON") << "hello there"_ba << u"not a Tertulia beacon"_s;
    QTest::newRow("a JSON array") << "[1,2,3]"_ba << u"not a Tertulia beacon"_s;
    QTest::newRow("another format") << roomWith(u"tertulia"_s, 2) << u"not a Tertulia beacon"_s;
    QTest::newRow("unknown kind") << roomWith(u"kind"_s, u"party"_s) << u"kind"_s;
    QTest::newRow("no id") << roomWith(u"id"_s, QJsonValue::Undefined) << u"id"_s;
    QTest::newRow("short id") << roomWith(u"id"_s, u"abc"_s) << u"id"_s;
    QTest::newRow("id with spaces") << roomWith(u"id"_s, u"abc def ghi"_s) << u"id"_s;
    QTest::newRow("no protocol") << roomWith(u"protocol"_s, QJsonValue::Undefined) << u"protocol"_s;
    QTest::newRow("protocol as text") << roomWith(u"protocol"_s, u"1"_s) << u"protocol"_s;
    QTest::newRow("odd version") << roomWith(u"version"_s, u"1.0 <b>"_s) << u"version"_s;
    QTest::newRow("no room name") << roomWith(u"room"_s, QJsonValue::Undefined) << u"room name"_s;
    QTest::newRow("blank room name") << roomWith(u"room"_s, u"   "_s) << u"room name"_s;
    QTest::newRow("room name too long") << roomWith(u"room"_s, QString(65, u'r')) << u"room name"_s;
    QTest::newRow("room name with a newline")
            << roomWith(u"room"_s, u"Ana\nBank"_s) << u"room name"_s;
    QTest::newRow("room name turned around")
            << roomWith(u"room"_s, u"\u202Emoor s'anA"_s) << u"room name"_s;
    QTest::newRow("room name with a zero-width space")
            << roomWith(u"room"_s, u"Ana\u200B"_s) << u"room name"_s;
    QTest::newRow("host name with a bell") << roomWith(u"host"_s, u"pc\u0007"_s) << u"host name"_s;
    QTest::newRow("no port") << roomWith(u"port"_s, QJsonValue::Undefined) << u"port"_s;
    QTest::newRow("port 0") << roomWith(u"port"_s, 0) << u"port"_s;
    QTest::newRow("port too high") << roomWith(u"port"_s, 70000) << u"port"_s;
    QTest::newRow("port as text") << roomWith(u"port"_s, u"8080"_s) << u"port"_s;
    QTest::newRow("port with a fraction") << roomWith(u"port"_s, 8080.5) << u"port"_s;
    QTest::newRow("negative members") << roomWith(u"members"_s, -1) << u"member"_s;
    QTest::newRow("a billion members") << roomWith(u"members"_s, 1e9) << u"member"_s;
    QTest::newRow("fingerprint not hex")
            << roomWith(u"fingerprint"_s, QString(32, u'z')) << u"fingerprint"_s;
    QTest::newRow("fingerprint too short")
            << roomWith(u"fingerprint"_s, u"abcd"_s) << u"fingerprint"_s;
    QTest::newRow("fingerprint without TLS") << roomWith(u"tls"_s, false) << u"fingerprint"_s;
    QTest::newRow("goodbye without id")
            << "{\"tertulia\":1,\"kind\":\"goodbye\"}"_ba << u"goodbye"_s;
}

void tst_BeaconMessage::refusesWhatIsNotAnAnnouncement()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, why);
    QString said;
    QVERIFY(!BeaconMessage::decode(datagram, &said));
    QVERIFY2(said.contains(why), qPrintable(said));
}

void tst_BeaconMessage::txtRoundTripsAndIsChecked()
{
    const RoomAnnouncement room = sampleRoom();
    const QList<QByteArray> txt = room.toTxt();
    for (const QByteArray &entry : txt)
        QVERIFY2(entry.size() <= 255, entry.constData()); // one TXT string's limit
    QString why;
    const std::optional<RoomAnnouncement> decoded = RoomAnnouncement::fromTxt(txt, 8080, &why);
    QVERIFY2(decoded, qPrintable(why));
    QVERIFY(*decoded == room);

    // Another program's record, and ours with a forged name.
    QVERIFY(!RoomAnnouncement::fromTxt({"path=/"_ba}, 8080, &why));
    QList<QByteArray> forged = txt;
    forged.replace(4, "room=Bank\u202e"_ba);
    QVERIFY(!RoomAnnouncement::fromTxt(forged, 8080, &why));
    QVERIFY2(why.contains(u"room name"_s), qPrintable(why));
    QVERIFY(!RoomAnnouncement::fromTxt(txt, 0, &why));
}

void tst_BeaconMessage::roomNamesForTheCommandLine()
{
    QVERIFY(RoomAnnouncement::problemWithRoomName(u"Ana's room"_s).isEmpty());
    QVERIFY(!RoomAnnouncement::problemWithRoomName(QString()).isEmpty());
    QVERIFY(!RoomAnnouncement::problemWithRoomName(QString(65, u'x')).isEmpty());
    QVERIFY(!RoomAnnouncement::problemWithRoomName(u" Ana"_s).isEmpty());
}

void tst_BeaconMessage::fingerprintPrefixFromTheHostsForm()
{
    const QString shown = u"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                          "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"_s;
    QCOMPARE(RoomAnnouncement::fingerprintPrefix(shown), u"abcdef0123456789abcdef0123456789"_s);
    QCOMPARE(RoomAnnouncement::fingerprintPrefix(QString()), QString());
    QVERIFY(RoomAnnouncement::newId() != RoomAnnouncement::newId());
    RoomAnnouncement room = sampleRoom();
    room.id = RoomAnnouncement::newId();
    QVERIFY(room.isValid(nullptr));
}

void tst_BeaconMessage::theDocumentedBeaconIsThisOne()
{
    QFile file(QStringLiteral(TERTULIA_PROTOCOL_DOC));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString doc = QString::fromUtf8(file.readAll());
    const qsizetype section = doc.indexOf(u"## Finding rooms on the LAN"_s);
    QVERIFY(section > 0);
    QVERIFY(doc.indexOf(u"`%1` port `%2`"_s.arg(BeaconChannel::group().toString())
                                .arg(BeaconChannel::kPort),
                        section)
            > 0);
    QVERIFY(doc.indexOf(u"at most %1 bytes"_s.arg(RoomAnnouncement::kMaxDatagramBytes), section)
            > 0);
    QVERIFY(doc.indexOf(u"every %1 s"_s.arg(BeaconMessage::kIntervalMs / 1000), section) > 0);
    QVERIFY(doc.indexOf(u"%1 s\nafter its last datagram"_s.arg(BeaconMessage::kExpiryMs / 1000),
                        section)
            > 0);
    QVERIFY(doc.indexOf(u"at most %1 rooms"_s.arg(RoomDirectory::kMaxRooms), section) > 0);
    // Each datagram in its table decodes as the kind its row shows.
    const QList<BeaconMessage::Kind> kinds{BeaconMessage::Kind::Room, BeaconMessage::Kind::Goodbye,
                                           BeaconMessage::Kind::Query};
    qsizetype at = section;
    for (BeaconMessage::Kind kind : kinds) {
        at = doc.indexOf(u"\n| `{"_s, at + 1);
        QVERIFY(at > 0);
        const qsizetype end = doc.indexOf(u"}` |"_s, at);
        const QByteArray datagram = doc.mid(at + 4, end - at - 3).toUtf8();
        QString why;
        const std::optional<BeaconMessage> message = BeaconMessage::decode(datagram, &why);
        QVERIFY2(message, qPrintable(why + u": "_s + QString::fromUtf8(datagram)));
        QCOMPARE(message->kind, kind);
    }
}

QTEST_GUILESS_MAIN(tst_BeaconMessage)
#include "tst_beaconmessage.moc"
