// TokenBucket alone: a burst at once, then the sustained rate, on the clock it is given.

#include "tokenbucket.h"

#include <QtTest/QtTest>

class tst_TokenBucket final : public QObject
{
    Q_OBJECT

private slots:
    void allowsABurstThenTheRate();
    void neverHoldsMoreThanTheBurst();
    void spendingBeyondWhatIsLeftIsOwed();
};

void tst_TokenBucket::allowsABurstThenTheRate()
{
    TokenBucket bucket(10, 3); // 10 a second, 3 at once
    QVERIFY(bucket.take(0));
    QVERIFY(bucket.take(0));
    QVERIFY(bucket.take(0));
    QVERIFY(!bucket.take(0));
    QVERIFY(!bucket.take(99)); // 0.99 of a token
    QVERIFY(bucket.take(100));
    QVERIFY(!bucket.take(150));
    QVERIFY(bucket.take(200));
}

void tst_TokenBucket::neverHoldsMoreThanTheBurst()
{
    TokenBucket bucket(10, 3);
    QCOMPARE(bucket.available(0), 3.0);
    QCOMPARE(bucket.available(60'000), 3.0); // a quiet minute saves nothing beyond the burst
    int taken = 0;
    while (bucket.take(60'000))
        ++taken;
    QCOMPARE(taken, 3);
}

void tst_TokenBucket::spendingBeyondWhatIsLeftIsOwed()
{
    TokenBucket bytes(1000, 4000); // bytes: 1000 a second, 4000 at once
    bytes.spend(0, 10'000);
    QCOMPARE(bytes.available(0), -6000.0);
    QCOMPARE(bytes.available(6000), 0.0); // the debt is paid before anything is free again
    QCOMPARE(bytes.available(8000), 2000.0);
}

QTEST_APPLESS_MAIN(tst_TokenBucket)
#include "tst_tokenbucket.moc"
