// The host over real sockets on 127.0.0.1: page, chat, names, bad payloads, ghost sockets.

#include "chathost.h"
#include "chatroom.h"
#include "support/rawhttp.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_ChatHost final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void servesThePageWithSecurityHeaders();
    void servesPageFiles_data();
    void servesPageFiles();
    void answersUnknownPathsWith404();
    void answersPlainGetOfTheSocketWith426();
    void upgradeOutsideTheChatPathCreatesNoSocket_data();
    void upgradeOutsideTheChatPathCreatesNoSocket();
    void upgradeOnAKeptAliveConnectionCreatesNoSocket();
    void refusesMalformedAndOversizedHeads();

    void twoClientsChat();
    void seedClientNamedInQuery();
    void seedClientNamedInFirstMessage();
    void welcomeListsEveryoneAndPresenceFollowsChanges();
    void leaveNoticeWhenAClientDisconnects();
    void refusesBadNames_data();
    void refusesBadNames();
    void spoofedNameNeverSpeaks();
    void badPayloadsGetTypedErrors_data();
    void badPayloadsGetTypedErrors();
    void binaryFramesGetAnError();
    void oversizedMessagesAreClosedWith1009();
    void unicodeOutsideTheBmpSurvives();

private:
    QUrl socketUrl(const QString &query = QString()) const;
    // Two members, Ana and Bea, who must keep chatting whatever a third client does.
    void joinBystanders();
    void checkBystandersStillChat();

    std::unique_ptr<TestHost> m_testHost;
    ChatHost *m_host = nullptr;
    std::unique_ptr<TestClient> m_ana;
    std::unique_ptr<TestClient> m_bea;
};

void tst_ChatHost::init()
{
    m_testHost = std::make_unique<TestHost>();
    m_host = &m_testHost->host;
    QVERIFY2(m_testHost->start(), qPrintable(m_host->errorString()));
}

void tst_ChatHost::cleanup()
{
    m_ana.reset();
    m_bea.reset();
    m_testHost.reset();
}

QUrl tst_ChatHost::socketUrl(const QString &query) const
{
    QUrl url(u"ws://127.0.0.1/ws"_s);
    url.setPort(m_host->port());
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void tst_ChatHost::joinBystanders()
{
    m_ana = std::make_unique<TestClient>();
    m_bea = std::make_unique<TestClient>();
    QVERIFY(m_ana->open(socketUrl(u"name=Ana"_s)));
    QCOMPARE(m_ana->next(u"welcome"_s).value("name").toString(), u"Ana"_s);
    QVERIFY(m_bea->open(socketUrl(u"name=Bea"_s)));
    QCOMPARE(m_bea->next(u"welcome"_s).value("name").toString(), u"Bea"_s);
}

void tst_ChatHost::checkBystandersStillChat()
{
    QVERIFY(m_ana->socket.isValid());
    QVERIFY(m_bea->socket.isValid());
    const auto saying = [](const QString &text) {
        return [text](const QJsonObject &event) {
            return event.value("message").toString() == text;
        };
    };
    m_ana->send({{"name", "Ana"}, {"message", "still here?"}});
    const QJsonObject received = m_bea->nextWhere(u"message"_s, saying(u"still here?"_s));
    QCOMPARE(received.value("name").toString(), u"Ana"_s);
    m_bea->send({{"name", "Bea"}, {"message", "yes"}});
    QCOMPARE(m_ana->nextWhere(u"message"_s, saying(u"yes"_s)).value("name").toString(), u"Bea"_s);
    // Nothing the bystanders said was refused.
    QVERIFY(m_ana->eventsOfType(u"error"_s).isEmpty());
    QVERIFY(m_bea->eventsOfType(u"error"_s).isEmpty());
}

void tst_ChatHost::servesThePageWithSecurityHeaders()
{
    const RawResponse response
            = rawExchange(m_host->port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), "text/html; charset=utf-8");
    QVERIFY(response.body.contains("<script type=\"module\" src=\"/app.js\""));
    QVERIFY(response.header("content-security-policy").contains("script-src 'self'"));
    QCOMPARE(response.header("x-content-type-options"), "nosniff");
    QCOMPARE(response.header("x-frame-options"), "DENY");
    QCOMPARE(response.header("referrer-policy"), "no-referrer");
}

void tst_ChatHost::servesPageFiles_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("script") << "/app.js"_ba
                            << "text/javascript; charset=utf-8"_ba
                            << "new WebSocket(socketUrl())"_ba;
    QTest::newRow("style") << "/style.css"_ba
                           << "text/css; charset=utf-8"_ba
                           << "prefers-color-scheme"_ba;
    QTest::newRow("icon") << "/icon.svg"_ba
                          << "image/svg+xml"_ba
                          << "<svg"_ba;
}

void tst_ChatHost::servesPageFiles()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    const RawResponse response
            = rawExchange(m_host->port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), contentType);
    QVERIFY(response.body.contains(expected));
}

void tst_ChatHost::answersUnknownPathsWith404()
{
    const RawResponse response
            = rawExchange(m_host->port(), "GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(response.status, 404);
}

void tst_ChatHost::answersPlainGetOfTheSocketWith426()
{
    const RawResponse response = rawExchange(m_host->port(), "GET /ws HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(response.status, 426);
    QCOMPARE(m_host->room()->connectionCount(), 0);
}

void tst_ChatHost::upgradeOutsideTheChatPathCreatesNoSocket_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("root") << "/"_ba;
    QTest::newRow("script") << "/app.js"_ba;
    QTest::newRow("unknown") << "/chat"_ba;
}

void tst_ChatHost::upgradeOutsideTheChatPathCreatesNoSocket()
{
    QFETCH(QByteArray, path);
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, m_host->port()));
    socket.write(upgradeRequest(path));
    const RawResponse response = readResponse(socket);
    QCOMPARE(response.status, 404);
    QVERIFY(!response.head.contains("101"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(m_host->room()->connectionCount(), 0);
}

void tst_ChatHost::upgradeOnAKeptAliveConnectionCreatesNoSocket()
{
    QTcpSocket socket;
    QVERIFY(connectRaw(socket, m_host->port()));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse page = readResponse(socket);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("connection"), "close");
    // One request per connection: the host closes it, so a later upgrade on it goes nowhere.
    socket.write(upgradeRequest("/"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(!socket.readAll().contains("101 Switching Protocols"));
    QCOMPARE(m_host->room()->connectionCount(), 0);
}

void tst_ChatHost::refusesMalformedAndOversizedHeads()
{
    QCOMPARE(rawExchange(m_host->port(), "HELLO\r\n\r\n").status, 400);
    const QByteArray huge
            = "GET / HTTP/1.1\r\nX-Filler: " + QByteArray(40 * 1024, 'a') + "\r\n\r\n";
    QCOMPARE(rawExchange(m_host->port(), huge).status, 431);
}

void tst_ChatHost::twoClientsChat()
{
    joinBystanders();
    m_bea->send({{"type", "message"}, {"message", "¿Qué tal?"}, {"clientId", "c-1"}});
    const QJsonObject received = m_ana->next(u"message"_s);
    QCOMPARE(received.value("name").toString(), u"Bea"_s);
    QCOMPARE(received.value("message").toString(), u"¿Qué tal?"_s);
    QVERIFY(received.value("id").toInteger() > 0);
    const QDateTime time
            = QDateTime::fromString(received.value("time").toString(), Qt::ISODateWithMs);
    QVERIFY(time.isValid());
    QCOMPARE(time.timeSpec(), Qt::UTC);

    const QJsonObject ack = m_bea->next(u"ack"_s);
    QCOMPARE(ack.value("clientId").toString(), u"c-1"_s);
    QCOMPARE(ack.value("id").toInteger(), received.value("id").toInteger());
    // The sender is acknowledged, not echoed.
    QVERIFY(m_bea->eventsOfType(u"message"_s).isEmpty());
}

void tst_ChatHost::seedClientNamedInQuery()
{
    joinBystanders();
    TestClient seed;
    QVERIFY(seed.open(socketUrl(u"name=Caro"_s)));
    QVERIFY(!seed.next(u"welcome"_s).isEmpty());
    seed.send({{"name", "Caro"}, {"message", "hola"}});
    const QJsonObject received = m_ana->next(u"message"_s);
    QCOMPARE(received.value("name").toString(), u"Caro"_s);
    QCOMPARE(received.value("message").toString(), u"hola"_s);
    m_ana->send({{"name", "Ana"}, {"message", "bienvenida"}});
    QCOMPARE(seed.next(u"message"_s).value("message").toString(), u"bienvenida"_s);
}

void tst_ChatHost::seedClientNamedInFirstMessage()
{
    joinBystanders();
    TestClient seed;
    QVERIFY(seed.open(socketUrl()));
    seed.send({{"name", "Dani"}, {"message", "olá"}});
    QCOMPARE(seed.next(u"welcome"_s).value("name").toString(), u"Dani"_s);
    const QJsonObject received = m_bea->next(u"message"_s);
    QCOMPARE(received.value("name").toString(), u"Dani"_s);
    QCOMPARE(received.value("message").toString(), u"olá"_s);
    // The newcomer's arrival is announced before its first words.
    const QList<QJsonObject> presence = m_bea->eventsOfType(u"presence"_s);
    QVERIFY(!presence.isEmpty());
    QVERIFY(presence.last().value("joined").toArray().contains(u"Dani"_s));
}

void tst_ChatHost::welcomeListsEveryoneAndPresenceFollowsChanges()
{
    joinBystanders();
    TestClient caro;
    QVERIFY(caro.open(socketUrl(u"name=Caro"_s)));
    const QJsonArray members = caro.next(u"welcome"_s).value("members").toArray();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).toObject().value("name").toString(), u"Ana"_s);
    QCOMPARE(members.at(2).toObject().value("name").toString(), u"Caro"_s);
    QVERIFY(QDateTime::fromString(members.at(0).toObject().value("since").toString(),
                                  Qt::ISODateWithMs)
                    .isValid());

    const QJsonObject presence = m_ana->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        return event.value("joined").toArray().contains(u"Caro"_s);
    });
    QCOMPARE(presence.value("members").toArray().size(), 3);
}

void tst_ChatHost::leaveNoticeWhenAClientDisconnects()
{
    joinBystanders();
    m_bea->socket.close();
    const QJsonObject presence = m_ana->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        return event.value("left").toArray().contains(u"Bea"_s);
    });
    QCOMPARE(presence.value("members").toArray().size(), 1);
    QTRY_COMPARE(m_host->room()->connectionCount(), 1);
}

void tst_ChatHost::refusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("closeCode");
    QTest::newRow("empty") << u""_s << u"name_invalid"_s << 4001;
    QTest::newRow("blank") << u"   "_s << u"name_invalid"_s << 4001;
    QTest::newRow("too long") << QString(33, u'x') << u"name_invalid"_s << 4001;
    QTest::newRow("control") << u"A\u0007na"_s << u"name_invalid"_s << 4001;
    QTest::newRow("newline") << u"Ana\nBea"_s << u"name_invalid"_s << 4001;
    QTest::newRow("taken") << u"Ana"_s << u"name_taken"_s << 4002;
    QTest::newRow("taken, other case") << u"aNA"_s << u"name_taken"_s << 4002;
    QTest::newRow("taken, padded") << u"  Bea "_s << u"name_taken"_s << 4002;
}

void tst_ChatHost::refusesBadNames()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    QFETCH(int, closeCode);
    joinBystanders();
    TestClient offender;
    QVERIFY(offender.open(socketUrl()));
    offender.send({{"type", "join"}, {"name", name}});
    const QJsonObject error = offender.next(u"error"_s);
    QCOMPARE(error.value("code").toString(), code);
    QVERIFY(!error.value("reason").toString().isEmpty());
    QVERIFY(offender.waitForDisconnect());
    QCOMPARE(int(offender.socket.closeCode()), closeCode);
    QVERIFY(offender.eventsOfType(u"welcome"_s).isEmpty());
    checkBystandersStillChat();
    QCOMPARE(m_host->room()->members().size(), 2);
}

void tst_ChatHost::spoofedNameNeverSpeaks()
{
    joinBystanders();
    m_ana->send({{"name", "Bea"}, {"message", "I am Bea, trust me"}});
    QCOMPARE(m_ana->next(u"error"_s).value("code").toString(), u"name_mismatch"_s);
    m_ana->send({{"type", "join"}, {"name", "Bea"}});
    QCOMPARE(m_ana->next(u"error"_s).value("code").toString(), u"name_mismatch"_s);
    // Still connected as Ana, and whatever reaches Bea comes from Ana.
    m_ana->send({{"message", "this is Ana"}});
    QCOMPARE(m_bea->next(u"message"_s).value("name").toString(), u"Ana"_s);
    for (const QJsonObject &message : m_bea->eventsOfType(u"message"_s))
        QVERIFY(!message.value("message").toString().contains(u"trust me"_s));
}

void tst_ChatHost::badPayloadsGetTypedErrors_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << u"hola"_s << u"bad_json"_s;
    QTest::newRow("truncated JSON") << u"{\"message\": \"ho"_s << u"bad_json"_s;
    QTest::newRow("array") << u"[\"hola\"]"_s << u"not_an_object"_s;
    QTest::newRow("string") << u"\"hola\""_s << u"not_an_object"_s;
    QTest::newRow("type not a string") << u"{\"type\": 5, \"message\": \"x\"}"_s << u"bad_field"_s;
    QTest::newRow("unknown type") << u"{\"type\": \"dance\"}"_s << u"unknown_type"_s;
    QTest::newRow("message missing") << u"{\"name\": \"Caro\"}"_s << u"bad_field"_s;
    QTest::newRow("message a number") << u"{\"message\": 42}"_s << u"bad_field"_s;
    QTest::newRow("name a number") << u"{\"name\": 7, \"message\": \"x\"}"_s << u"bad_field"_s;
    QTest::newRow("empty message") << u"{\"message\": \"\"}"_s << u"empty_message"_s;
    QTest::newRow("blank message") << u"{\"message\": \" \\n\\t \"}"_s << u"empty_message"_s;
    QTest::newRow("control character") << u"{\"message\": \"a\\u0000b\"}"_s << u"message_invalid"_s;
    QTest::newRow("too long") << u"{\"message\": \"%1\"}"_s.arg(QString(4001, u'x'))
                              << u"message_too_long"_s;
    QTest::newRow("clientId too long")
            << u"{\"message\": \"x\", \"clientId\": \"%1\"}"_s.arg(QString(65, u'c'))
            << u"bad_field"_s;
}

void tst_ChatHost::badPayloadsGetTypedErrors()
{
    QFETCH(QString, frame);
    QFETCH(QString, code);
    joinBystanders();
    TestClient offender;
    QVERIFY(offender.open(socketUrl(u"name=Caro"_s)));
    QVERIFY(!offender.next(u"welcome"_s).isEmpty());
    offender.socket.sendTextMessage(frame);
    const QJsonObject error = offender.next(u"error"_s);
    QCOMPARE(error.value("code").toString(), code);
    QVERIFY(!error.value("reason").toString().isEmpty());
    // The offender's connection stays usable...
    offender.send({{"message", "sorry"}});
    QCOMPARE(m_ana->next(u"message"_s).value("message").toString(), u"sorry"_s);
    // ...and nothing it sent wrong reached anyone.
    QCOMPARE(m_ana->eventsOfType(u"message"_s).size(), 1);
    checkBystandersStillChat();
}

void tst_ChatHost::binaryFramesGetAnError()
{
    joinBystanders();
    m_ana->socket.sendBinaryMessage("{\"message\": \"binary\"}");
    QCOMPARE(m_ana->next(u"error"_s).value("code").toString(), u"binary_frame"_s);
    // The connection goes on, and the binary frame reached nobody.
    m_bea->send({{"message", "ok"}});
    QCOMPARE(m_ana->next(u"message"_s).value("message").toString(), u"ok"_s);
    QVERIFY(m_bea->eventsOfType(u"message"_s).isEmpty());
    QCOMPARE(m_ana->eventsOfType(u"error"_s).size(), 1);
}

void tst_ChatHost::oversizedMessagesAreClosedWith1009()
{
    joinBystanders();
    TestClient offender;
    QVERIFY(offender.open(socketUrl(u"name=Caro"_s)));
    QVERIFY(!offender.next(u"welcome"_s).isEmpty());
    offender.send({{"message", QString(70 * 1024, u'x')}});
    QVERIFY(offender.waitForDisconnect());
    QCOMPARE(offender.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QVERIFY(m_ana->eventsOfType(u"message"_s).isEmpty());
    checkBystandersStillChat();
}

void tst_ChatHost::unicodeOutsideTheBmpSurvives()
{
    m_ana = std::make_unique<TestClient>();
    m_bea = std::make_unique<TestClient>();
    // 32 characters, each outside the BMP: 64 UTF-16 units, still a valid name.
    const QString longEmojiName = QString(u"😀"_s).repeated(32);
    QVERIFY(m_ana->open(socketUrl(
            u"name=%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(longEmojiName))))));
    QCOMPARE(m_ana->next(u"welcome"_s).value("name").toString(), longEmojiName);
    QVERIFY(m_bea->open(socketUrl(u"name=Bea"_s)));
    QVERIFY(!m_bea->next(u"welcome"_s).isEmpty());
    m_ana->send({{"message", "𝄞 música 🎶 中文"}});
    QCOMPARE(m_bea->next(u"message"_s).value("message").toString(), u"𝄞 música 🎶 中文"_s);
}

QTEST_GUILESS_MAIN(tst_ChatHost)
#include "tst_chathost.moc"
