// Sessions one after another from one address, the way a phone reloads the page or a flaky
// Wi-Fi reconnects: each gives its connection's place back, in every mode, over hundreds.

#include "support/rawhttp.h"
#include "support/rawwebsocket.h"
#include "support/testcertificate.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtNetwork/QSslSocket>
#include <QtTest/QtTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSessions = 200;
constexpr int kMaxPerAddress = 8;
constexpr int kMaxConnections = 20;

using Session = std::function<bool(TestHost &, int)>;

bool pageLoad(TestHost &host, int)
{
    return rawExchange(host.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status == 200;
}

// The seeds' client: name in the URL, one message, then it closes properly.
bool seedClient(TestHost &host, int i)
{
    TestClient client;
    if (!client.open(host.socketUrl(u"name=Visit%1"_s.arg(i))))
        return false;
    client.send({{"name", u"Visit%1"_s.arg(i)}, {"message", "hola"}});
    const bool acknowledged = !client.next(u"ack"_s).isEmpty();
    client.socket.close();
    return acknowledged && client.waitForDisconnect();
}

// A page that reloads: resumable, and gone without a goodbye.
bool droppedClient(TestHost &host, int i)
{
    RawWebSocket client;
    if (!client.open(host.port(), "/ws?name=Drop" + QByteArray::number(i) + "&resume="))
        return false;
    client.socket.abort();
    return true;
}

bool neverJoins(TestHost &host, int)
{
    RawWebSocket client;
    const bool upgraded = client.open(host.port(), "/ws");
    client.socket.disconnectFromHost();
    return upgraded;
}

} // namespace

class tst_Sessions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void finishedSessionsGiveTheirPlaceBack_data();
    void finishedSessionsGiveTheirPlaceBack();
    void tlsVisitorOverTheLimitIsToldSo();

private:
    QTemporaryDir m_files;
};

void tst_Sessions::initTestCase()
{
    QVERIFY(makeTestCertificate(m_files));
}

void tst_Sessions::finishedSessionsGiveTheirPlaceBack_data()
{
    QTest::addColumn<Session>("session");
    QTest::addColumn<bool>("tls");
    QTest::newRow("page loads") << Session(pageLoad) << false;
    QTest::newRow("seed clients") << Session(seedClient) << false;
    QTest::newRow("dropped pages") << Session(droppedClient) << false;
    QTest::newRow("never joins") << Session(neverJoins) << false;
    QTest::newRow("tls: wss clients") << Session([](TestHost &host, int i) {
        TestClient client;
        connect(&client.socket, &QWebSocket::sslErrors, &client.socket,
                [&client] { client.socket.ignoreSslErrors(); });
        QUrl url = host.socketUrl(u"name=Secure%1"_s.arg(i));
        url.setScheme(u"wss"_s);
        if (!client.open(url) || client.next(u"welcome"_s).isEmpty())
            return false;
        client.socket.close();
        return client.waitForDisconnect();
    }) << true;
}

void tst_Sessions::finishedSessionsGiveTheirPlaceBack()
{
    QFETCH(Session, session);
    QFETCH(bool, tls);
    TestHost host;
    host.settings.limits.maxConnectionsPerAddress = kMaxPerAddress;
    host.settings.limits.maxConnections = kMaxConnections;
    if (tls) {
        host.settings.certificateFile = m_files.filePath(u"cert.pem"_s);
        host.settings.keyFile = m_files.filePath(u"key.pem"_s);
    }
    QVERIFY2(host.start(), qPrintable(host.host.errorString()));
    for (int i = 0; i < kSessions; ++i) {
        QVERIFY2(session(host, i), qPrintable(u"session %1 of %2"_s.arg(i + 1).arg(kSessions)));
        // Its place is given back: the count falls to nothing before the next one comes.
        QVERIFY2(QTest::qWaitFor([&] { return host.host.connectionCount() == 0; }),
                 qPrintable(u"%1 still counted"_s.arg(host.host.connectionCount())));
    }
    if (tls)
        return;
    // The page and the socket still answer, and two members chat as ever.
    QVERIFY(pageLoad(host, 0));
    TestClient ana;
    TestClient bea;
    QVERIFY(ana.open(host.socketUrl(u"name=Ana"_s)));
    QVERIFY(bea.open(host.socketUrl(u"name=Bea"_s)));
    ana.send({{"message", "¿sigues ahí?"}});
    QCOMPARE(bea.next(u"message"_s).value("message").toString(), u"¿sigues ahí?"_s);
}

void tst_Sessions::tlsVisitorOverTheLimitIsToldSo()
{
    TestHost host;
    host.settings.limits.maxConnectionsPerAddress = 1;
    host.settings.certificateFile = m_files.filePath(u"cert.pem"_s);
    host.settings.keyFile = m_files.filePath(u"key.pem"_s);
    QVERIFY2(host.start(), qPrintable(host.host.errorString()));
    const auto encrypted = [&host](QSslSocket &socket) {
        connect(&socket, &QSslSocket::sslErrors, &socket, [&socket] { socket.ignoreSslErrors(); });
        socket.connectToHostEncrypted(u"127.0.0.1"_s, host.port());
        return QTest::qWaitFor([&socket] { return socket.isEncrypted(); }, 5000);
    };
    QSslSocket first;
    QVERIFY(encrypted(first));
    QSslSocket second; // one too many: refused, and the refusal arrives through TLS
    QVERIFY(encrypted(second));
    QByteArray reply;
    QVERIFY(QTest::qWaitFor([&] { return (reply += second.readAll()).contains("\r\n\r\n"); }));
    QVERIFY2(reply.startsWith("HTTP/1.1 503"), reply.constData());
}

QTEST_GUILESS_MAIN(tst_Sessions)
#include "tst_sessions.moc"
