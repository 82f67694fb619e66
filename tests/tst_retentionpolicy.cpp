// RetentionPolicy alone: what --history accepts, and how it reads back.

#include "retentionpolicy.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_RetentionPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void parsesRetentionPolicies_data();
    void parsesRetentionPolicies();
};

void tst_RetentionPolicy::parsesRetentionPolicies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("all") << u"all"_s << true << u"all"_s;
    QTest::newRow("messages") << u"1000"_s << true << u"1000"_s;
    QTest::newRow("days") << u"30d"_s << true << u"30d"_s;
    QTest::newRow("zero") << u"0"_s << false << QString();
    QTest::newRow("negative") << u"-5"_s << false << QString();
    QTest::newRow("words") << u"forever"_s << false << QString();
    QTest::newRow("hours") << u"12h"_s << false << QString();
}

void tst_RetentionPolicy::parsesRetentionPolicies()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);
    QString error;
    const std::optional<RetentionPolicy> policy = RetentionPolicy::parse(text, &error);
    QCOMPARE(bool(policy), valid);
    if (valid)
        QCOMPARE(policy->toString(), normalised);
    else
        QVERIFY(error.contains(text));
}

QTEST_APPLESS_MAIN(tst_RetentionPolicy)
#include "tst_retentionpolicy.moc"
