// ChatHost's moderation as the hosting window uses it, against a real host on a real port: a
// password set from the window that outlives a restart (and can be removed), and "Remove and
// block", which refuses the device before any WebSocket until the host lifts it.

#include "chathost.h"
#include "passwordfile.h"
#include "support/rawhttp.h"
#include "support/rawwebsocket.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_HostModeration final : public QObject
{
    Q_OBJECT

private slots:
    void aPasswordSetFromTheWindowOutlivesARestart();
    void aRemovedPasswordOpensTheRoomAfterARestartToo();
    void aPasswordGivenAtStartWinsAndIsNotSaved();
    void aDamagedPasswordFileStopsTheStart();
    void removeAndBlockRefusesTheDeviceUntilLifted();
    void thisComputerIsNeverBlocked();
    void theHostIsMarkedAndTheRoomSummarised();

private:
    // What a join with this password gets: "welcome" or the error's code.
    static QString joinWith(const TestHost &host, const QString &name, const QString &password);
};

QString tst_HostModeration::joinWith(const TestHost &host, const QString &name,
                                     const QString &password)
{
    TestClient client;
    if (!client.open(host.socketUrl()))
        return u"no connection"_s;
    QJsonObject join{{"type", "join"}, {"name", name}};
    if (!password.isNull())
        join.insert(u"password"_s, password);
    client.send(join);
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        for (const QJsonObject &event : std::as_const(client.events)) {
            const QString type = event.value("type").toString();
            if (type == u"welcome")
                return type;
            if (type == u"error")
                return event.value("code").toString();
        }
        QTest::qWait(5);
    }
    return u"no answer"_s;
}

void tst_HostModeration::aPasswordSetFromTheWindowOutlivesARestart()
{
    QTemporaryDir data;
    {
        TestHost first(60'000, 0, data.path());
        QVERIFY(first.start());
        QCOMPARE(joinWith(first, u"Ana"_s, {}), u"welcome"_s);
        QVERIFY(first.host.setPassword(u"s3cret"_s));
        QVERIFY(first.host.hasPassword());
        QCOMPARE(joinWith(first, u"Bo"_s, {}), u"password_required"_s);
    }
    // Only the salted digest is on disk, for its owner alone.
    QFile file(PasswordFile::path(data.path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.startsWith("pbkdf2-sha256$"));
    QVERIFY(!saved.contains("s3cret"));
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    TestHost again(60'000, 0, data.path());
    QVERIFY(again.start());
    QVERIFY(again.host.hasPassword());
    QCOMPARE(joinWith(again, u"Bo"_s, {}), u"password_required"_s);
    QCOMPARE(joinWith(again, u"Caro"_s, u"s3cret"_s), u"welcome"_s);
    // The hosting window's own way in, which it never has to type.
    QCOMPARE(joinWith(again, u"Host"_s, again.host.hostKey()), u"welcome"_s);
    QCOMPARE(joinWith(again, u"Bo"_s, u"guess"_s), u"password_wrong"_s);
}

void tst_HostModeration::aRemovedPasswordOpensTheRoomAfterARestartToo()
{
    QTemporaryDir data;
    {
        TestHost first(60'000, 0, data.path());
        QVERIFY(first.start());
        QVERIFY(first.host.setPassword(u"s3cret"_s));
        QVERIFY(QFile::exists(PasswordFile::path(data.path())));
        QVERIFY(first.host.setPassword({}));
        QVERIFY(!first.host.hasPassword());
        QCOMPARE(joinWith(first, u"Ana"_s, {}), u"welcome"_s);
    }
    QVERIFY(!QFile::exists(PasswordFile::path(data.path())));
    TestHost again(60'000, 0, data.path());
    QVERIFY(again.start());
    QCOMPARE(joinWith(again, u"Bo"_s, {}), u"welcome"_s);
}

void tst_HostModeration::aPasswordGivenAtStartWinsAndIsNotSaved()
{
    QTemporaryDir data;
    QString error;
    QVERIFY(PasswordFile::save(data.path(), RoomPassword(u"saved"_s), &error));
    const QByteArray before = [&] {
        QFile file(PasswordFile::path(data.path()));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    TestHost host(60'000, 0, data.path());
    host.settings.password = u"given"_s;
    QVERIFY(host.start());
    QCOMPARE(joinWith(host, u"Ana"_s, u"given"_s), u"welcome"_s);
    QCOMPARE(joinWith(host, u"Bo"_s, u"saved"_s), u"password_wrong"_s);
    QFile file(PasswordFile::path(data.path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void tst_HostModeration::aDamagedPasswordFileStopsTheStart()
{
    QTemporaryDir data;
    QFile file(PasswordFile::path(data.path()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hunter2\n");
    file.close();
    TestHost host(60'000, 0, data.path());
    // Opening to everyone a room its host closed with a password would be worse than not
    // opening: the host is told which file and what to do.
    QVERIFY(!host.start());
    QVERIFY(host.host.errorString().contains(file.fileName()));
    QVERIFY(!host.host.isListening());
}

void tst_HostModeration::removeAndBlockRefusesTheDeviceUntilLifted()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient ana, bo;
    QVERIFY(ana.open(host.socketUrl(u"name=Ana"_s)));
    QVERIFY(bo.open(host.socketUrl(u"name=Bo"_s)));
    const QHostAddress phone(u"127.0.0.2"_s);
    RawWebSocket zed;
    QVERIFY(zed.open(host.port(), "/ws?name=Zed&resume=", {}, phone));
    QTRY_COMPARE(host.host.memberCount(), 3);

    QSignalSpy blockedChanged(&host.host, &ChatHost::blockedAddressesChanged);
    QVERIFY(host.host.removeMember(u"Zed"_s, true));
    QCOMPARE(zed.waitForClose(), 4006);
    QVERIFY(zed.hasError(u"removed"_s));
    QCOMPARE(blockedChanged.size(), 1);
    QCOMPARE(host.host.blockedAddresses(), QStringList{u"127.0.0.2"_s});

    // Before any WebSocket: the upgrade and the page alike, with the reason in words.
    RawWebSocket again;
    QVERIFY(!again.open(host.port(), "/ws?name=Zed", {}, phone));
    QVERIFY(again.handshake.startsWith("HTTP/1.1 403"));
    QTcpSocket page;
    page.bind(phone);
    QVERIFY(connectRaw(page, host.port()));
    page.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const RawResponse refused = readResponse(page);
    QCOMPARE(refused.status, 403);
    QVERIFY(refused.body.contains("blocked this device"));
    QCOMPARE(host.host.memberCount(), 2);

    // Everyone else goes on chatting.
    ana.send({{"message", "still here"}});
    QCOMPARE(bo.next(u"message"_s).value("message").toString(), u"still here"_s);

    host.host.unblock(u"127.0.0.2"_s);
    QVERIFY(host.host.blockedAddresses().isEmpty());
    QCOMPARE(blockedChanged.size(), 2);
    RawWebSocket back;
    QVERIFY(back.open(host.port(), "/ws?name=Zed", {}, phone));
    QTRY_COMPARE(host.host.memberCount(), 3);
}

void tst_HostModeration::thisComputerIsNeverBlocked()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient zed;
    QVERIFY(zed.open(host.socketUrl(u"name=Zed"_s)));
    QTRY_COMPARE(host.host.memberCount(), 1);
    // 127.0.0.1 is how the hosting window joins: blocking it would lock the host out.
    QVERIFY(host.host.removeMember(u"Zed"_s, true));
    QVERIFY(host.host.blockedAddresses().isEmpty());
    QCOMPARE(joinWith(host, u"Ana"_s, {}), u"welcome"_s);
}

void tst_HostModeration::theHostIsMarkedAndTheRoomSummarised()
{
    TestHost host;
    QVERIFY(host.start());
    const auto summary = [&host] {
        const RawResponse response
                = rawExchange(host.port(), "GET /room HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return QJsonDocument::fromJson(response.body).object();
    };
    QCOMPARE(summary().value("members").toInt(), 0);
    QVERIFY(!summary().contains("host"));

    TestClient marta, bea;
    QVERIFY(marta.open(host.socketUrl()));
    marta.send({{"type", "join"}, {"name", "Marta"}, {"password", host.host.hostKey()}});
    QVERIFY(!marta.next(u"welcome"_s).isEmpty());
    QVERIFY(bea.open(host.socketUrl(u"name=Bea"_s)));
    const QJsonArray members = bea.next(u"welcome"_s).value("members").toArray();
    QCOMPARE(members.size(), 2);
    QVERIFY(members.at(0).toObject().value("host").toBool()); // Marta
    QVERIFY(!members.at(1).toObject().contains("host")); // Bea
    QVERIFY(host.host.setPassword(u"s3cret"_s));
    host.host.setLocked(true);
    // What anyone may read before joining: nobody named but the host.
    const QJsonObject room = summary();
    QCOMPARE(room.value("host").toString(), u"Marta"_s);
    QCOMPARE(room.value("members").toInt(), 2);
    QVERIFY(room.value("password").toBool());
    QVERIFY(room.value("locked").toBool());
    QVERIFY(!QJsonDocument(room).toJson().contains("Bea"));
}

QTEST_GUILESS_MAIN(tst_HostModeration)
#include "tst_hostmoderation.moc"
