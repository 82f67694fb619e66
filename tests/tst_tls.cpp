// TLS: the same port serves HTTPS and WSS; the native client trusts a self-signed host only by
// its pinned fingerprint. The certificate is made fresh by openssl for each run.

#include "chatconnection.h"
#include "chatroom.h"
#include "support/testcertificate.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtNetwork/QSslSocket>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_Tls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void servesThePageOverHttps();
    void plainHttpGetsNothing();
    void pinnedNativeClientChatsWithABrowserStyleClient();
    void unpinnedNativeClientRefusesTheHost();
    void wrongPinIsRefused();
    void theAnnouncedPrefixPinsButAShortOneDoesNot();
    void missingCertificateIsAClearError();

private:
    QTemporaryDir m_files;
    std::unique_ptr<TestHost> m_host;
};

void tst_Tls::initTestCase()
{
    QVERIFY(makeTestCertificate(m_files));
}

void tst_Tls::init()
{
    m_host = std::make_unique<TestHost>();
    m_host->settings.certificateFile = m_files.filePath(u"cert.pem"_s);
    m_host->settings.keyFile = m_files.filePath(u"key.pem"_s);
    QVERIFY2(m_host->start(), qPrintable(m_host->host.errorString()));
    QVERIFY(m_host->host.usesTls());
    QCOMPARE(m_host->host.certificateFingerprint().count(u':'), 31);
}

void tst_Tls::cleanup()
{
    m_host.reset();
}

void tst_Tls::servesThePageOverHttps()
{
    QSslSocket socket;
    connect(&socket, &QSslSocket::sslErrors, &socket,
            [&socket] { socket.ignoreSslErrors(); }); // self-signed: a browser would ask
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_host->port());
    QTRY_VERIFY(socket.isEncrypted());
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray reply;
    QTRY_VERIFY((reply += socket.readAll()).contains("</html>"));
    QVERIFY(reply.startsWith("HTTP/1.1 200"));
}

void tst_Tls::plainHttpGetsNothing()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_host->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(!socket.readAll().contains("<html"));
}

void tst_Tls::pinnedNativeClientChatsWithABrowserStyleClient()
{
    ChatConnection native;
    native.setPinnedFingerprint(m_host->host.certificateFingerprint());
    native.open(QUrl(u"https://127.0.0.1:%1/"_s.arg(m_host->port())), u"Ana"_s);
    QTRY_COMPARE(native.state(), ChatConnection::State::Connected);

    TestClient browser;
    connect(&browser.socket, &QWebSocket::sslErrors, &browser.socket,
            [&browser] { browser.socket.ignoreSslErrors(); });
    QVERIFY(browser.open(QUrl(u"wss://127.0.0.1:%1/ws?name=Bea"_s.arg(m_host->port()))));
    QVERIFY(!browser.next(u"welcome"_s).isEmpty());
    native.send(u"cifrado"_s);
    QCOMPARE(browser.next(u"message"_s).value("message").toString(), u"cifrado"_s);
    QSignalSpy received(&native, &ChatConnection::messageReceived);
    browser.send({{"message", "también"}});
    QVERIFY(received.wait());
}

void tst_Tls::unpinnedNativeClientRefusesTheHost()
{
    ChatConnection native;
    QSignalSpy errors(&native, &ChatConnection::errorReceived);
    native.open(QUrl(u"https://127.0.0.1:%1/"_s.arg(m_host->port())), u"Ana"_s);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), u"tls_untrusted"_s);
    QCOMPARE(native.state(), ChatConnection::State::Disconnected);
    QVERIFY(m_host->host.room()->members().isEmpty());
}

void tst_Tls::wrongPinIsRefused()
{
    ChatConnection native;
    // One digit changed, always: replacing every "A" changed nothing for a fingerprint that
    // had none (1 certificate in 60), and the test then failed as if it had timed out.
    QString wrong = QString(m_host->host.certificateFingerprint());
    wrong[0] = wrong[0] == u'0' ? u'1' : u'0';
    native.setPinnedFingerprint(wrong);
    QSignalSpy errors(&native, &ChatConnection::errorReceived);
    native.open(QUrl(u"https://127.0.0.1:%1/"_s.arg(m_host->port())), u"Ana"_s);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 15'000); // a handshake under load
    QCOMPARE(native.state(), ChatConnection::State::Disconnected);
}

void tst_Tls::theAnnouncedPrefixPinsButAShortOneDoesNot()
{
    // LAN announcements carry the fingerprint's first 32 hex digits: enough to pin by.
    const QString digits = m_host->host.certificateFingerprint().remove(u':');
    ChatConnection pinned;
    pinned.setPinnedFingerprint(digits.left(32).toLower());
    pinned.open(QUrl(u"https://127.0.0.1:%1/"_s.arg(m_host->port())), u"Ana"_s);
    QTRY_COMPARE(pinned.state(), ChatConnection::State::Connected);

    // Eight digits could be matched by a made-up certificate: no pin at all.
    ChatConnection tooShort;
    tooShort.setPinnedFingerprint(digits.left(8));
    QSignalSpy errors(&tooShort, &ChatConnection::errorReceived);
    tooShort.open(QUrl(u"https://127.0.0.1:%1/"_s.arg(m_host->port())), u"Bea"_s);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), u"tls_untrusted"_s);
}

void tst_Tls::missingCertificateIsAClearError()
{
    TestHost host;
    host.settings.certificateFile = m_files.filePath(u"missing.pem"_s);
    host.settings.keyFile = m_files.filePath(u"key.pem"_s);
    QVERIFY(!host.start());
    QVERIFY(host.host.errorString().contains(u"missing.pem"_s));
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
