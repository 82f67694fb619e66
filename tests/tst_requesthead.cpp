// Parsing request heads, which decides where each connection goes.

#include "requesthead.h"

#include <QtTest/QtTest>

class tst_RequestHead final : public QObject
{
    Q_OBJECT

private slots:
    void parsesABrowserUpgrade();
    void parsesAPlainGet();
    void recognisesUpgradeTokensInAList();
    void refusesMalformedHeads_data();
    void refusesMalformedHeads();
};

void tst_RequestHead::parsesABrowserUpgrade()
{
    const auto head = RequestHead::parse("GET /ws?name=Ana HTTP/1.1\r\nHost: 10.0.0.2:8080\r\n"
                                         "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                         "Origin: http://10.0.0.2:8080");
    QVERIFY(head);
    QCOMPARE(head->method(), "GET");
    QCOMPARE(head->target(), "/ws?name=Ana");
    QCOMPARE(head->path(), "/ws");
    QCOMPARE(head->header("origin"), "http://10.0.0.2:8080");
    QCOMPARE(head->header("HOST"), "10.0.0.2:8080");
    QVERIFY(head->isWebSocketUpgrade());
}

void tst_RequestHead::parsesAPlainGet()
{
    const auto head = RequestHead::parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive");
    QVERIFY(head);
    QCOMPARE(head->path(), "/");
    QVERIFY(!head->isWebSocketUpgrade());
    QVERIFY(head->header("upgrade").isEmpty());
}

void tst_RequestHead::recognisesUpgradeTokensInAList()
{
    const auto head = RequestHead::parse("GET /ws HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n"
                                         "Upgrade: WebSocket");
    QVERIFY(head && head->isWebSocketUpgrade());
    const auto h2c = RequestHead::parse("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: h2c");
    QVERIFY(h2c && !h2c->isWebSocketUpgrade());
}

void tst_RequestHead::refusesMalformedHeads_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no version") << QByteArray("GET /");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0");
    QTest::newRow("relative target") << QByteArray("GET ws HTTP/1.1");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost");
    QTest::newRow("TLS hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03");
}

void tst_RequestHead::refusesMalformedHeads()
{
    QFETCH(QByteArray, head);
    QVERIFY(!RequestHead::parse(head));
}

QTEST_GUILESS_MAIN(tst_RequestHead)
#include "tst_requesthead.moc"
