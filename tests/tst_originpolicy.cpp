// OriginPolicy alone: which pages may open the chat socket.

#include "originpolicy.h"

#include <QtNetwork/QHostInfo>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_OriginPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void judgesOrigins_data();
    void judgesOrigins();
    void theMachinesOwnNameIsItself();
};

void tst_OriginPolicy::judgesOrigins_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("no origin: not a browser") << QByteArray() << true;
    QTest::newRow("own page by loopback") << "http://127.0.0.1:8000"_ba << true;
    QTest::newRow("own page by localhost") << "http://localhost:8000"_ba << true;
    QTest::newRow("own page over https") << "https://127.0.0.1:8000"_ba << true;
    QTest::newRow("another port") << "http://127.0.0.1:8001"_ba << false;
    QTest::newRow("default port is not ours") << "http://127.0.0.1"_ba << false;
    QTest::newRow("another site") << "http://evil.example:8000"_ba << false;
    QTest::newRow("address of another machine") << "http://192.0.2.1:8000"_ba << false;
    QTest::newRow("sandboxed frame") << "null"_ba << false;
    QTest::newRow("file page") << "file://"_ba << false;
    QTest::newRow("other scheme") << "ftp://127.0.0.1:8000"_ba << false;
    QTest::newRow("allowed extra origin") << "https://chat.example.org"_ba << true;
    QTest::newRow("extra origin, case aside") << "HTTPS://Chat.Example.ORG"_ba << true;
    QTest::newRow("extra origin, other port") << "https://chat.example.org:444"_ba << false;
}

void tst_OriginPolicy::judgesOrigins()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    const OriginPolicy policy(8000, {u" https://chat.example.org "_s});
    QCOMPARE(policy.allows(origin), allowed);
}

void tst_OriginPolicy::theMachinesOwnNameIsItself()
{
    const OriginPolicy policy(8000, {});
    const QByteArray name = QHostInfo::localHostName().toLower().toUtf8();
    QVERIFY(policy.allows("http://" + name + ":8000"));
    QVERIFY(policy.allows("http://" + name + ".local:8000"));
    // Another name that might resolve here (DNS rebinding) is another site.
    QVERIFY(!policy.allows("http://" + name + ".attacker.example:8000"));
}

QTEST_GUILESS_MAIN(tst_OriginPolicy)
#include "tst_originpolicy.moc"
