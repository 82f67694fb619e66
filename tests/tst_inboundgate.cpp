// InboundGate alone: the verdicts for messages, pings and pieces, with the clock given.

#include "inboundgate.h"

#include <QtTest/QtTest>

using Verdict = InboundGate::Verdict;

class tst_InboundGate final : public QObject
{
    Q_OBJECT

private slots:
    void overTheRateMessagesWaitInOrder();
    void aNewcomerMayKeepOnlyAFewWaiting();
    void waitingIsBoundedInBytes();
    void pingsOverTheRateAreStrikes();
    void aMessageComesInBoundedPieces();
};

void tst_InboundGate::overTheRateMessagesWaitInOrder()
{
    InboundGate gate(10, 3); // 10 a second, 3 at once
    for (int i = 0; i < 3; ++i)
        QCOMPARE(gate.message(QStringLiteral("now"), true, 0), Verdict::Now);
    QCOMPARE(gate.message(QStringLiteral("a"), true, 0), Verdict::WaitsFirst);
    QCOMPARE(gate.message(QStringLiteral("b"), true, 0), Verdict::Waits);
    QVERIFY(!gate.nextWaiting(0)); // not its turn yet
    QCOMPARE(gate.nextWaiting(100).value_or(QString()), QStringLiteral("a"));
    // While some wait, a newer message waits behind them even if a token is free.
    QCOMPARE(gate.message(QStringLiteral("c"), true, 1000), Verdict::Waits);
    QCOMPARE(gate.nextWaiting(1000).value_or(QString()), QStringLiteral("b"));
    QCOMPARE(gate.nextWaiting(1000).value_or(QString()), QStringLiteral("c"));
    QVERIFY(!gate.hasWaiting());
}

void tst_InboundGate::aNewcomerMayKeepOnlyAFewWaiting()
{
    InboundGate gate(10, 1);
    QCOMPARE(gate.message(QStringLiteral("join"), false, 0), Verdict::Now);
    for (int i = 0; i < InboundGate::kMaxWaitingBeforeJoining; ++i)
        QVERIFY(gate.message(QStringLiteral("x"), false, 0) != Verdict::Flooding);
    QCOMPARE(gate.message(QStringLiteral("x"), false, 0), Verdict::Flooding);
    // A member may keep more.
    QVERIFY(gate.message(QStringLiteral("x"), true, 0) != Verdict::Flooding);
}

void tst_InboundGate::waitingIsBoundedInBytes()
{
    InboundGate gate(10, 1);
    const QString big(int(InboundGate::kMaxWaitingBytes / 2 / 2 + 1), QLatin1Char('z')); // > half
    QCOMPARE(gate.message(big, true, 0), Verdict::Now);
    QCOMPARE(gate.message(big, true, 0), Verdict::WaitsFirst);
    QCOMPARE(gate.message(big, true, 0), Verdict::Flooding);
    // A frame that is refused anyway is judged, never kept.
    InboundGate binary(10, 1);
    QCOMPARE(binary.message(QString(), true, 0), Verdict::Now);
    QCOMPARE(binary.message(QString(), true, 0, false), Verdict::WaitsFirst);
    QVERIFY(!binary.hasWaiting());
}

void tst_InboundGate::pingsOverTheRateAreStrikes()
{
    InboundGate gate(10, 2);
    QCOMPARE(gate.charge(0), Verdict::Now);
    QCOMPARE(gate.charge(0), Verdict::Now);
    QCOMPARE(gate.charge(0), Verdict::WaitsFirst);
    for (int i = 1; i < InboundGate::kMaxStrikes; ++i)
        QCOMPARE(gate.charge(0), Verdict::Waits);
    QCOMPARE(gate.charge(0), Verdict::Flooding);
    // One in time forgives the strikes.
    InboundGate patient(10, 1);
    QCOMPARE(patient.charge(0), Verdict::Now);
    QCOMPARE(patient.charge(0), Verdict::WaitsFirst);
    QCOMPARE(patient.charge(1000), Verdict::Now);
    QCOMPARE(patient.charge(1000), Verdict::WaitsFirst);
}

void tst_InboundGate::aMessageComesInBoundedPieces()
{
    InboundGate gate(10, 1);
    for (int i = 0; i < InboundGate::kMaxFragments; ++i)
        QVERIFY(gate.piece(false, i));
    QVERIFY(!gate.piece(false, 100));
    InboundGate slow(10, 1);
    QVERIFY(slow.piece(false, 0));
    QVERIFY(slow.piece(true, 5000)); // the last piece ends the message
    QVERIFY(slow.piece(false, 6000));
    QVERIFY(!slow.piece(false, 6000 + InboundGate::kFragmentedMessageMs + 1));
}

QTEST_GUILESS_MAIN(tst_InboundGate)
#include "tst_inboundgate.moc"
