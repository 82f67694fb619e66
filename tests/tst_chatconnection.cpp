// The native client's connection against a real host on a real port.

#include "chatconnection.h"
#include "chathost.h"
#include "messagestore.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_ChatConnection final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void socketUrlFromWhatUsersPaste_data();
    void socketUrlFromWhatUsersPaste();
    void joinsAndChatsBothWays();
    void followsWhoIsInTheRoom();
    void followsALargeRoomByItsCountAndWatchedRows();
    void reportsARefusedNameAndStops();
    void queuesWhileDisconnectedAndSendsOnJoining();
    void reconnectsWhenTheHostComesBack();
    void resendsItsOutboxAfterTheHostComesBack();
    void seesHistoryWhenJoiningLate();
    void loadsOlderPagesOnRequest();
    void stopsWhenTheHostSaysSo();
    void comesBackWhenTheHostRestarts();
    void followsTheHostsLimits();

private:
    QUrl pageUrl() const { return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port)); }

    // Restarts a host on the same port and data directory, as a real restart would.
    void startHost(int resumeGraceMs = 60'000);

    QTemporaryDir m_dataDir;
    std::unique_ptr<TestHost> m_host;
    quint16 m_port = 0;
};

void tst_ChatConnection::init()
{
    m_port = 0;
    startHost();
    QVERIFY(m_host->host.isListening());
}

void tst_ChatConnection::cleanup()
{
    m_host.reset();
    // Each test starts from an empty room.
    QFile::remove(m_dataDir.filePath(QString::fromLatin1(MessageStore::kFileName)));
    QFile::remove(m_dataDir.filePath(QString::fromLatin1(MessageStore::kFileName) + u"-wal"_s));
    QFile::remove(m_dataDir.filePath(QString::fromLatin1(MessageStore::kFileName) + u"-shm"_s));
}

void tst_ChatConnection::startHost(int resumeGraceMs)
{
    m_host = std::make_unique<TestHost>(resumeGraceMs, m_port, m_dataDir.path());
    QVERIFY2(m_host->start(), qPrintable(m_host->host.errorString()));
    m_port = m_host->port();
}

void tst_ChatConnection::socketUrlFromWhatUsersPaste_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("socket");
    QTest::newRow("page address") << u"http://192.168.1.20:8080/"_s
                                  << u"ws://192.168.1.20:8080/ws"_s;
    QTest::newRow("no trailing slash") << u"http://host:8080"_s << u"ws://host:8080/ws"_s;
    QTest::newRow("with query") << u"http://host:8080/?x=1#top"_s << u"ws://host:8080/ws"_s;
    QTest::newRow("socket address") << u"ws://host:8080/ws"_s << u"ws://host:8080/ws"_s;
    QTest::newRow("https") << u"https://host/"_s << u"wss://host/ws"_s;
}

void tst_ChatConnection::socketUrlFromWhatUsersPaste()
{
    QFETCH(QString, address);
    QFETCH(QString, socket);
    QCOMPARE(ChatConnection::socketUrl(QUrl(address)).toString(), socket);
}

void tst_ChatConnection::joinsAndChatsBothWays()
{
    ChatConnection connection;
    QSignalSpy joined(&connection, &ChatConnection::joined);
    QList<Tertulia::ChatMessage> received;
    connect(&connection, &ChatConnection::messageReceived, this,
            [&received](const Tertulia::ChatMessage &message) { received.append(message); });
    QSignalSpy acknowledged(&connection, &ChatConnection::messageAcknowledged);
    connection.open(pageUrl(), u"Ana María"_s);
    QVERIFY(joined.wait());
    QCOMPARE(joined.first().first().toString(), u"Ana María"_s);
    QCOMPARE(connection.state(), ChatConnection::State::Connected);

    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    QVERIFY(!bea.next(u"welcome"_s).isEmpty());

    const QString clientId = connection.send(u"hola, Bea"_s);
    QVERIFY(!clientId.isEmpty());
    const QJsonObject message = bea.next(u"message"_s);
    QCOMPARE(message.value("name").toString(), u"Ana María"_s);
    QCOMPARE(message.value("message").toString(), u"hola, Bea"_s);
    QTRY_COMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.first().at(0).toString(), clientId);
    QCOMPARE(acknowledged.first().at(1).toLongLong(), message.value("id").toInteger());

    bea.send({{"name", "Bea"}, {"message", "hola, Ana"}});
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().name, u"Bea"_s);
    QCOMPARE(received.first().text, u"hola, Ana"_s);
    QVERIFY(received.first().id > message.value("id").toInteger());
}

void tst_ChatConnection::followsWhoIsInTheRoom()
{
    ChatConnection connection;
    QSignalSpy presence(&connection, &ChatConnection::presenceChanged);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    QTRY_COMPARE(connection.members().size(), 2);
    QCOMPARE(connection.members().at(1).name, u"Bea"_s);
    bea.socket.close(); // a goodbye, not a dropped connection
    QTRY_COMPARE(connection.members().size(), 1);
    const bool sawLeave = std::any_of(presence.cbegin(), presence.cend(), [](const auto &args) {
        return args.at(1).toStringList().contains(u"Bea"_s);
    });
    QVERIFY(sawLeave);
}

void tst_ChatConnection::followsALargeRoomByItsCountAndWatchedRows()
{
    // Over 50 members the host sends a count and the first page; the rows a client watches
    // follow the room, and a search finds anyone.
    std::vector<std::unique_ptr<TestClient>> crowd;
    for (int i = 0; i < 55; ++i) {
        crowd.push_back(std::make_unique<TestClient>());
        QVERIFY(crowd.back()->open(
                QUrl(u"ws://127.0.0.1:%1/ws?name=crowd%2"_s.arg(m_port).arg(i))));
    }
    ChatConnection connection;
    QSignalSpy rows(&connection, &ChatConnection::memberRowsReceived);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.memberCount(), 56);
    QVERIFY(!connection.membersComplete());
    QCOMPARE(connection.members().size(), 50); // the welcome's first page
    QCOMPARE(rows.first().at(1).toInt(), 0);
    const auto names = [&] {
        QStringList list;
        for (const Tertulia::MemberInfo &member : connection.members())
            list.append(member.name);
        return list;
    };
    connection.watchMembers(0, 3);
    QTRY_COMPARE(names(), (QStringList{u"Ana"_s, u"crowd0"_s, u"crowd1"_s}));
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    QTRY_COMPARE(names(), (QStringList{u"Ana"_s, u"Bea"_s, u"crowd0"_s}));
    QCOMPARE(connection.memberCount(), 57);
    crowd.at(3)->socket.close();
    crowd.at(7)->socket.close();
    QTRY_COMPARE(connection.memberCount(), 55);

    QSignalSpy found(&connection, &ChatConnection::membersFound);
    connection.findMembers(u"CROWD5"_s, 4);
    QVERIFY(found.wait());
    QCOMPARE(found.first().at(0).toString(), u"CROWD5"_s);
    QStringList foundNames;
    for (const auto &member : found.first().at(1).value<QList<Tertulia::MemberInfo>>())
        foundNames.append(member.name);
    QCOMPARE(foundNames, (QStringList{u"crowd5"_s, u"crowd50"_s, u"crowd51"_s, u"crowd52"_s}));

    // Back under the threshold: everyone again, as a small room sends it.
    for (int i = 10; i < 16; ++i)
        crowd.at(i)->socket.close();
    QTRY_VERIFY(connection.membersComplete());
    QCOMPARE(connection.members().size(), 49);
}

void tst_ChatConnection::reportsARefusedNameAndStops()
{
    TestClient ana;
    QVERIFY(ana.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Ana"_s.arg(m_port))));
    QVERIFY(!ana.next(u"welcome"_s).isEmpty());

    ChatConnection connection;
    QSignalSpy refused(&connection, &ChatConnection::nameRefused);
    QSignalSpy states(&connection, &ChatConnection::stateChanged);
    connection.open(pageUrl(), u"ANA"_s);
    QVERIFY(refused.wait());
    QVERIFY(refused.first().first().toString().contains(u"already"_s));
    QTRY_COMPARE(connection.state(), ChatConnection::State::Disconnected);
    // No retry loop with a name that cannot work.
    QTest::qWait(1200);
    QCOMPARE(connection.state(), ChatConnection::State::Disconnected);
}

void tst_ChatConnection::queuesWhileDisconnectedAndSendsOnJoining()
{
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    ChatConnection connection;
    QSignalSpy acknowledged(&connection, &ChatConnection::messageAcknowledged);
    const QString clientId = connection.send(u"written before connecting"_s);
    QVERIFY(!clientId.isEmpty());
    QCOMPARE(connection.unacknowledgedCount(), 1);
    connection.open(pageUrl(), u"Ana"_s);
    QCOMPARE(bea.next(u"message"_s).value("message").toString(), u"written before connecting"_s);
    QTRY_COMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.first().at(0).toString(), clientId);
    QCOMPARE(connection.unacknowledgedCount(), 0);
}

void tst_ChatConnection::resendsItsOutboxAfterTheHostComesBack()
{
    ChatConnection connection;
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    m_host.reset();
    QTRY_COMPARE(connection.state(), ChatConnection::State::Reconnecting);
    const QStringList offline{u"uno"_s, u"dos"_s, u"tres"_s};
    for (const QString &text : offline)
        connection.send(text);
    QCOMPARE(connection.unacknowledgedCount(), 3);

    startHost();
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    QTRY_COMPARE_WITH_TIMEOUT(connection.unacknowledgedCount(), 0, 10000);
    // Every message reached the room once, in order: in Bea's history or live.
    QStringList seen;
    QTRY_VERIFY_WITH_TIMEOUT(
            (
                    seen =
                            [&bea] {
                                QStringList texts;
                                for (const QJsonObject &history : bea.eventsOfType(u"history"_s)) {
                                    for (const QJsonValue &m : history.value("messages").toArray())
                                        texts.append(m.toObject().value("message").toString());
                                }
                                for (const QJsonObject &message : bea.eventsOfType(u"message"_s))
                                    texts.append(message.value("message").toString());
                                return texts;
                            }(),
                    seen.size() >= 3),
            5000);
    QCOMPARE(seen, offline);
}

void tst_ChatConnection::seesHistoryWhenJoiningLate()
{
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    for (int i = 1; i <= 5; ++i) {
        bea.send({{"message", u"earlier %1"_s.arg(i)}, {"clientId", u"b%1"_s.arg(i)}});
        QVERIFY(!bea.next(u"ack"_s).isEmpty());
    }
    ChatConnection connection;
    QSignalSpy history(&connection, &ChatConnection::historyReceived);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(history.size(), 1);
    const auto messages = history.first().at(0).value<QList<Tertulia::ChatMessage>>();
    QCOMPARE(messages.size(), 5);
    QCOMPARE(messages.first().text, u"earlier 1"_s);
    QCOMPARE(messages.last().name, u"Bea"_s);
    QCOMPARE(history.first().at(1).value<ChatConnection::HistoryKind>(),
             ChatConnection::HistoryKind::Recent);
    QCOMPARE(history.first().at(2).toBool(), false);
}

void tst_ChatConnection::loadsOlderPagesOnRequest()
{
    m_host.reset();
    m_host = std::make_unique<TestHost>(60'000, m_port, m_dataDir.path());
    m_host->settings.backlog = 10;
    QVERIFY(m_host->start());
    TestClient bea;
    QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
    for (int i = 1; i <= 25; ++i) {
        bea.send({{"message", QString::number(i)}});
        QVERIFY(!bea.next(u"ack"_s).isEmpty());
    }
    ChatConnection connection;
    QSignalSpy history(&connection, &ChatConnection::historyReceived);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(history.size(), 1);
    auto page = history.takeFirst();
    auto messages = page.at(0).value<QList<Tertulia::ChatMessage>>();
    QCOMPARE(messages.first().text, u"16"_s);
    QVERIFY(page.at(2).toBool());

    connection.requestOlderThan(messages.first().id, 10);
    QTRY_COMPARE(history.size(), 1);
    page = history.takeFirst();
    messages = page.at(0).value<QList<Tertulia::ChatMessage>>();
    QCOMPARE(page.at(1).value<ChatConnection::HistoryKind>(), ChatConnection::HistoryKind::Older);
    QCOMPARE(messages.first().text, u"6"_s);
    QCOMPARE(messages.last().text, u"15"_s);
    QVERIFY(page.at(2).toBool());

    connection.requestOlderThan(messages.first().id, 10);
    QTRY_COMPARE(history.size(), 1);
    page = history.takeFirst();
    messages = page.at(0).value<QList<Tertulia::ChatMessage>>();
    QCOMPARE(messages.size(), 5);
    QCOMPARE(messages.first().text, u"1"_s);
    QVERIFY(!page.at(2).toBool());
}

void tst_ChatConnection::reconnectsWhenTheHostComesBack()
{
    ChatConnection connection;
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);

    m_host.reset();
    QTRY_COMPARE(connection.state(), ChatConnection::State::Reconnecting);

    startHost();
    QVERIFY(m_host->host.isListening());
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ChatConnection::State::Connected, 10000);
    QCOMPARE(connection.members().size(), 1);
}

void tst_ChatConnection::stopsWhenTheHostSaysSo()
{
    ChatConnection ana;
    ChatConnection zed;
    ana.open(pageUrl(), u"Ana"_s);
    zed.open(pageUrl(), u"Zed"_s);
    QTRY_COMPARE(ana.state(), ChatConnection::State::Connected);
    QTRY_COMPARE(zed.state(), ChatConnection::State::Connected);

    QSignalSpy zedStopped(&zed, &ChatConnection::stopped);
    QSignalSpy zedStates(&zed, &ChatConnection::stateChanged);
    QVERIFY(m_host->host.removeMember(u"Zed"_s));
    QVERIFY(zedStopped.wait());
    QCOMPARE(zedStopped.first().at(0).toString(), u"removed"_s);
    QVERIFY(zedStopped.first().at(1).toString().contains(u"removed"_s));

    m_host->host.setLocked(true);
    ChatConnection newcomer;
    QSignalSpy newcomerStopped(&newcomer, &ChatConnection::stopped);
    newcomer.open(pageUrl(), u"Eva"_s);
    QVERIFY(newcomerStopped.wait());
    QCOMPARE(newcomerStopped.first().at(0).toString(), u"room_locked"_s);
    QSignalSpy newcomerStates(&newcomer, &ChatConnection::stateChanged);

    // A blocked device is refused before the upgrade (403); those already in stay.
    m_host->host.block(QHostAddress::LocalHost);
    ChatConnection blocked;
    QSignalSpy blockedStopped(&blocked, &ChatConnection::stopped);
    blocked.open(pageUrl(), u"Ivo"_s);
    QVERIFY(blockedStopped.wait());
    QCOMPARE(blockedStopped.first().at(0).toString(), u"blocked"_s);
    QVERIFY(blockedStopped.first().at(1).toString().contains(u"blocked this device"_s));
    QSignalSpy blockedStates(&blocked, &ChatConnection::stateChanged);

    QSignalSpy anaStopped(&ana, &ChatConnection::stopped);
    QSignalSpy anaFailed(&ana, &ChatConnection::messageFailed);
    m_host->host.endRoom(u"Thanks for coming, see you tomorrow."_s);
    QVERIFY(anaStopped.wait());
    QCOMPARE(anaStopped.first().at(0).toString(), u"room_ended"_s);
    QCOMPARE(anaStopped.first().at(1).toString(), u"Thanks for coming, see you tomorrow."_s);
    QVERIFY(ana.members().isEmpty());
    QSignalSpy anaStates(&ana, &ChatConnection::stateChanged);
    // Written after the end: kept, never transmitted behind the person's back (only a
    // deliberate retry() would send it); the window no longer lets it be written at all.
    ana.send(u"anyone there?"_s);
    QCOMPARE(ana.unacknowledgedCount(), 1);

    QTRY_COMPARE(m_host->host.connectionCount(), 0); // the host has closed them all
    // None of them came back meanwhile, nor will by itself: no reconnection waits on a timer.
    for (const ChatConnection *connection : {&zed, &newcomer, &ana, &blocked})
        QVERIFY(!connection->reconnectScheduled());
    QCOMPARE(zed.state(), ChatConnection::State::Disconnected);
    QCOMPARE(newcomer.state(), ChatConnection::State::Disconnected);
    QCOMPARE(ana.state(), ChatConnection::State::Disconnected);
    QCOMPARE(blocked.state(), ChatConnection::State::Disconnected);
    QCOMPARE(zedStates.size(), 1); // to Disconnected, once
    QCOMPARE(newcomerStates.size(), 0);
    QCOMPARE(blockedStates.size(), 0);
    QCOMPARE(anaStates.size(), 0);
}

void tst_ChatConnection::comesBackWhenTheHostRestarts()
{
    ChatConnection connection;
    QSignalSpy stopped(&connection, &ChatConnection::stopped);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    QSignalSpy closed(&m_host->host, &ChatHost::closed);
    m_host->host.closeForRestart();
    QTRY_COMPARE(connection.state(), ChatConnection::State::Reconnecting);
    QVERIFY(closed.wait());
    connection.send(u"said while it restarted"_s);
    m_host.reset();
    startHost();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ChatConnection::State::Connected, 10000);
    QTRY_COMPARE(connection.unacknowledgedCount(), 0);
    QCOMPARE(stopped.size(), 0);
}

void tst_ChatConnection::followsTheHostsLimits()
{
    m_host.reset();
    m_host = std::make_unique<TestHost>(60'000, m_port, m_dataDir.path());
    m_host->settings.limits.maxMessageLength = 100;
    QVERIFY(m_host->start());
    ChatConnection connection;
    QCOMPARE(connection.limits().messageLength, Tertulia::Limits::kMaxMessageLength);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    QCOMPARE(connection.limits().messageLength, 100);
    QVERIFY(!connection.problemWithMessage(QString(150, u'x')).isEmpty());
    // Counted in characters as the host counts them: 100 emoji are 200 UTF-16 units.
    QString emoji;
    for (int i = 0; i < 100; ++i)
        emoji += u"😀"_s;
    QVERIFY(connection.problemWithMessage(emoji).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ChatConnection)
#include "tst_chatconnection.moc"
