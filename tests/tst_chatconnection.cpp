// The native client's connection against a real host on a real port.

#include "chatconnection.h"
#include "chathost.h"
#include "support/testclient.h"

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
    void reportsARefusedNameAndStops();
    void cannotSendWhileDisconnected();
    void reconnectsWhenTheHostComesBack();

private:
    QUrl pageUrl() const { return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port)); }

    std::unique_ptr<ChatHost> m_host;
    quint16 m_port = 0;
};

void tst_ChatConnection::init()
{
    m_host = std::make_unique<ChatHost>();
    QVERIFY(m_host->listen(QHostAddress::LocalHost, 0));
    m_port = m_host->port();
}

void tst_ChatConnection::cleanup()
{
    m_host.reset();
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
    QSignalSpy received(&connection, &ChatConnection::messageReceived);
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
    QCOMPARE(received.first().at(1).toString(), u"Bea"_s);
    QCOMPARE(received.first().at(2).toString(), u"hola, Ana"_s);
}

void tst_ChatConnection::followsWhoIsInTheRoom()
{
    ChatConnection connection;
    QSignalSpy presence(&connection, &ChatConnection::presenceChanged);
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    {
        TestClient bea;
        QVERIFY(bea.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_port))));
        QTRY_COMPARE(connection.members().size(), 2);
        QCOMPARE(connection.members().at(1).name, u"Bea"_s);
    }
    QTRY_COMPARE(connection.members().size(), 1);
    const bool sawLeave = std::any_of(presence.cbegin(), presence.cend(), [](const auto &args) {
        return args.at(1).toStringList().contains(u"Bea"_s);
    });
    QVERIFY(sawLeave);
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

void tst_ChatConnection::cannotSendWhileDisconnected()
{
    ChatConnection connection;
    QVERIFY(connection.send(u"into the void"_s).isEmpty());
}

void tst_ChatConnection::reconnectsWhenTheHostComesBack()
{
    ChatConnection connection;
    connection.open(pageUrl(), u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);

    m_host.reset();
    QTRY_COMPARE(connection.state(), ChatConnection::State::Reconnecting);

    m_host = std::make_unique<ChatHost>();
    QVERIFY2(m_host->listen(QHostAddress::LocalHost, m_port), qPrintable(m_host->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ChatConnection::State::Connected, 10000);
    QCOMPARE(connection.members().size(), 1);
}

QTEST_GUILESS_MAIN(tst_ChatConnection)
#include "tst_chatconnection.moc"
