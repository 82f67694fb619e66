// DeadlineQueue with real objects and Qt's event loop: every deadline comes due once, in order,
// never before its delay, and objects deleted in the meantime are skipped.

#include "deadlinequeue.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QtTest>

#include <memory>
#include <vector>

class tst_DeadlineQueue final : public QObject
{
    Q_OBJECT

private slots:
    void comesDueInOrderAfterTheDelay();
    void skipsDeletedObjects();
    void aDueObjectCanBeAddedAgain();
};

namespace {

constexpr int kDelayMs = 150;

} // namespace

void tst_DeadlineQueue::comesDueInOrderAfterTheDelay()
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<QObject *, qint64>> due; // object, when it came due
    DeadlineQueue queue(kDelayMs,
                        [&](QObject *object) { due.emplace_back(object, clock.elapsed()); });

    QObject first, second, third;
    queue.add(&first);
    QTest::qWait(40);
    const qint64 secondAddedMs = clock.elapsed();
    queue.add(&second);
    queue.add(&third);
    QCOMPARE(queue.size(), 3);

    QTRY_COMPARE_WITH_TIMEOUT(due.size(), size_t(3), 5000);
    QCOMPARE(due[0].first, &first);
    QCOMPARE(due[1].first, &second);
    QCOMPARE(due[2].first, &third);
    QVERIFY2(due[0].second >= kDelayMs, qPrintable(QString::number(due[0].second)));
    QVERIFY2(due[1].second >= secondAddedMs + kDelayMs, qPrintable(QString::number(due[1].second)));
    QCOMPARE(queue.size(), 0);
    // Nothing comes due twice.
    QTest::qWait(2 * kDelayMs);
    QCOMPARE(due.size(), size_t(3));
}

void tst_DeadlineQueue::skipsDeletedObjects()
{
    std::vector<QObject *> due;
    DeadlineQueue queue(kDelayMs, [&](QObject *object) { due.push_back(object); });
    QObject kept;
    auto deleted = std::make_unique<QObject>();
    queue.add(deleted.get());
    queue.add(&kept);
    deleted.reset();

    QTRY_COMPARE_WITH_TIMEOUT(due.size(), size_t(1), 5000);
    QCOMPARE(due.front(), &kept);
    QTest::qWait(kDelayMs);
    QCOMPARE(due.size(), size_t(1));
}

void tst_DeadlineQueue::aDueObjectCanBeAddedAgain()
{
    QObject object;
    int dueCount = 0;
    std::unique_ptr<DeadlineQueue> queue;
    queue = std::make_unique<DeadlineQueue>(kDelayMs, [&](QObject *target) {
        if (++dueCount < 3)
            queue->add(target);
    });
    queue->add(&object);
    QTRY_COMPARE_WITH_TIMEOUT(dueCount, 3, 5000);
    QTest::qWait(2 * kDelayMs);
    QCOMPARE(dueCount, 3);
}

QTEST_GUILESS_MAIN(tst_DeadlineQueue)
#include "tst_deadlinequeue.moc"
