// The headless host's event dispatcher under the parts of Qt that lean on one: timers, posted
// events from other threads, socket notifiers (a real host and real clients), and a notifier
// that goes away while others of the same pass are still to be activated. The rest checks
// what Qt's own autotests check of a dispatcher (tst_qeventdispatcher, tst_qtimer,
// tst_qsocketnotifier), written here for this one: the timer bookkeeping, timers that never
// fire early and can stop or restart themselves, a zero timer that starves nothing, passes
// that exclude notifiers, interrupt(), notifiers disabled and enabled again, and a peer that
// hangs up.
#include "epolleventdispatcher.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QtTest>

#include <atomic>
#include <chrono>
#include <functional>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class tst_EpollEventDispatcher final : public QObject
{
    Q_OBJECT

private slots:
    void isTheOneInstalled();
    void timersFireInTheirOrderAndStop();
    void wakesForEventsPostedFromAnotherThread();
    void handlesEventsPostedFromItsOwnThreadWithoutWaiting();
    void notifiersSeeWhatIsReadyAndCanGoMidPass();
    void aHostWithManyMembersRunsOnIt();
    void keepsTheBooksOnTimers();
    void timersNeverFireEarly();
    void aTimerStopsOrRestartsItselfFromItsOwnTimeout();
    void aZeroTimerStarvesNothing();
    void passesThatExcludeNotifiersLeaveThemReady();
    void interruptEndsAWaitFromAnotherThread();
    void aDisabledNotifierWaitsUntilEnabled();
    void aPeerThatHangsUpIsReadable();
};

namespace {

// Two connected local sockets, closed when it goes (either end may be closed earlier: -1).
struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { socketpair(AF_UNIX, SOCK_STREAM, 0, fd); }
    ~SocketPair()
    {
        for (int end : fd) {
            if (end >= 0)
                ::close(end);
        }
    }
    bool isValid() const { return fd[0] >= 0 && fd[1] >= 0; }
    void closeEnd(int i)
    {
        ::close(fd[i]);
        fd[i] = -1;
    }
};

// One byte read from fd, as a notifier's handler does.
bool readOne(int fd)
{
    char byte;
    return ::read(fd, &byte, 1) == 1;
}

// An object that counts its timer events by id.
class TimerTarget final : public QObject
{
public:
    QHash<int, int> fired;

protected:
    void timerEvent(QTimerEvent *event) override { ++fired[event->timerId()]; }
};

} // namespace

void tst_EpollEventDispatcher::isTheOneInstalled()
{
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
}

void tst_EpollEventDispatcher::timersFireInTheirOrderAndStop()
{
    QStringList fired;
    QTimer::singleShot(30, this, [&] { fired.append(u"30"_s); });
    QTimer::singleShot(10, this, [&] { fired.append(u"10"_s); });
    QTimer::singleShot(0, this, [&] { fired.append(u"0"_s); });
    QTimer repeating;
    int ticks = 0;
    connect(&repeating, &QTimer::timeout, this, [&] {
        if (++ticks == 3)
            repeating.stop();
    });
    repeating.start(5);
    QTRY_COMPARE(fired, (QStringList{u"0"_s, u"10"_s, u"30"_s}));
    QTRY_COMPARE(ticks, 3);
    QVERIFY(!repeating.isActive());
    QTest::qWait(50);
    QCOMPARE(ticks, 3); // stopped means stopped
    QTimer pending;
    pending.start(10'000);
    QVERIFY(pending.remainingTime() > 9'000);
}

void tst_EpollEventDispatcher::wakesForEventsPostedFromAnotherThread()
{
    // The loop is blocked in epoll_wait with no timer due: only wakeUp() can get it out.
    bool arrived = false;
    QThread *thread = QThread::create([this, &arrived] {
        QThread::msleep(50);
        QMetaObject::invokeMethod(
                this, [&arrived] { arrived = true; }, Qt::QueuedConnection);
    });
    thread->start();
    QEventLoop loop;
    QTimer::singleShot(5'000, &loop, &QEventLoop::quit); // a failure, not a hang
    QTimer::singleShot(0, &loop, [&] {
        while (!arrived && loop.isRunning())
            loop.processEvents(QEventLoop::WaitForMoreEvents);
        loop.quit();
    });
    loop.exec();
    thread->wait();
    delete thread;
    QVERIFY(arrived);
}

void tst_EpollEventDispatcher::handlesEventsPostedFromItsOwnThreadWithoutWaiting()
{
    // Posted from the loop's own thread, during a pass: no eventfd is written, so the next
    // pass must not wait (the only timer is a minute away) before handling each in turn.
    int handled = 0;
    QEventLoop loop;
    std::function<void()> postNext = [&] {
        if (++handled < 100)
            QMetaObject::invokeMethod(this, postNext, Qt::QueuedConnection);
        else
            loop.quit();
    };
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    QElapsedTimer elapsed;
    elapsed.start();
    QMetaObject::invokeMethod(this, postNext, Qt::QueuedConnection);
    loop.exec();
    QCOMPARE(handled, 100);
    QVERIFY2(elapsed.elapsed() < 5'000, qPrintable(QString::number(elapsed.elapsed())));
}

void tst_EpollEventDispatcher::notifiersSeeWhatIsReadyAndCanGoMidPass()
{
    int first[2], second[2];
    QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, first), 0);
    QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, second), 0);
    auto *a = new QSocketNotifier(first[0], QSocketNotifier::Read, this);
    auto *b = new QSocketNotifier(second[0], QSocketNotifier::Read, this);
    int aReads = 0, bReads = 0;
    // Whichever comes first deletes the other, ready in the same pass: it must not be called.
    char byte;
    connect(a, &QSocketNotifier::activated, this, [&] {
        ++aReads;
        QCOMPARE(::read(first[0], &byte, 1), 1);
        delete b;
        b = nullptr;
    });
    connect(b, &QSocketNotifier::activated, this, [&] {
        ++bReads;
        QCOMPARE(::read(second[0], &byte, 1), 1);
        delete a;
        a = nullptr;
    });
    QCOMPARE(::write(first[1], "x", 1), 1);
    QCOMPARE(::write(second[1], "y", 1), 1);
    QTRY_COMPARE(aReads + bReads, 1);
    QTest::qWait(20);
    QCOMPARE(aReads + bReads, 1);
    // A write notifier on a socket with room: ready at once, on and on while enabled.
    QSocketNotifier writable(first[1], QSocketNotifier::Write);
    int writes = 0;
    connect(&writable, &QSocketNotifier::activated, this, [&] {
        if (++writes == 2)
            writable.setEnabled(false);
    });
    QTRY_COMPARE(writes, 2);
    QTest::qWait(20);
    QCOMPARE(writes, 2);
    delete a;
    delete b;
    for (int fd : {first[0], first[1], second[0], second[1]})
        ::close(fd);
}

void tst_EpollEventDispatcher::aHostWithManyMembersRunsOnIt()
{
    TestHost host;
    host.settings.limits.maxConnectionsPerAddress = 300;
    QVERIFY(host.start());
    std::vector<std::unique_ptr<TestClient>> members;
    for (int i = 0; i < 200; ++i) {
        members.push_back(std::make_unique<TestClient>());
        QVERIFY(members.back()->open(host.socketUrl(u"name=m%1"_s.arg(i))));
    }
    members.front()->send({{"message", "hola a todos"}});
    for (const auto &member : members) {
        if (member != members.front())
            QCOMPARE(member->next(u"message"_s).value("message").toString(), u"hola a todos"_s);
    }
    QCOMPARE(members.front()->next(u"ack"_s).value("id").toInteger(), 1);
}

void tst_EpollEventDispatcher::keepsTheBooksOnTimers()
{
    auto *dispatcher = QAbstractEventDispatcher::instance();
    TimerTarget target;
    const int precise = target.startTimer(std::chrono::milliseconds(100), Qt::PreciseTimer);
    const int coarse = target.startTimer(std::chrono::milliseconds(2'000), Qt::CoarseTimer);
    const int veryCoarse = target.startTimer(std::chrono::seconds(5), Qt::VeryCoarseTimer);
    QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(&target);
    QCOMPARE(timers.size(), 3);
    std::sort(timers.begin(), timers.end(),
              [](const auto &a, const auto &b) { return a.interval < b.interval; });
    QCOMPARE(timers[0].timerId, precise);
    QCOMPARE(timers[0].interval, 100);
    QCOMPARE(timers[0].timerType, Qt::PreciseTimer);
    QCOMPARE(timers[1].timerId, coarse);
    QCOMPARE(timers[1].timerType, Qt::CoarseTimer);
    QCOMPARE(timers[2].timerId, veryCoarse);
    QCOMPARE(timers[2].timerType, Qt::VeryCoarseTimer);
    const int left = dispatcher->remainingTime(coarse);
    QVERIFY2(left > 0 && left <= 2'000, qPrintable(QString::number(left)));
    QVERIFY(dispatcher->registeredTimers(this).isEmpty()); // another object's are not listed

    QVERIFY(dispatcher->unregisterTimer(precise));
    QVERIFY(!dispatcher->unregisterTimer(precise)); // once
    QCOMPARE(dispatcher->remainingTime(precise), -1);
    QCOMPARE(dispatcher->registeredTimers(&target).size(), 2);
    QVERIFY(dispatcher->unregisterTimers(&target));
    QVERIFY(!dispatcher->unregisterTimers(&target)); // none left
    QVERIFY(dispatcher->registeredTimers(&target).isEmpty());
    QCoreApplication::processEvents();
    QVERIFY(target.fired.isEmpty());
}

void tst_EpollEventDispatcher::timersNeverFireEarly()
{
    // Qt lets a coarse timer fire up to 5 % early, a precise one never; all of ours are kept
    // to the millisecond.
    struct Case
    {
        int intervalMs;
        Qt::TimerType type;
        qint64 earliestMs;
    };
    for (const Case &c : {Case{15, Qt::PreciseTimer, 15}, Case{40, Qt::PreciseTimer, 40},
                          Case{100, Qt::CoarseTimer, 95}}) {
        QElapsedTimer elapsed;
        qint64 firedAfter = -1;
        QTimer timer;
        timer.setSingleShot(true);
        timer.setTimerType(c.type);
        connect(&timer, &QTimer::timeout, this, [&] { firedAfter = elapsed.elapsed(); });
        elapsed.start();
        timer.start(c.intervalMs);
        QTRY_VERIFY(firedAfter >= 0);
        QVERIFY2(firedAfter >= c.earliestMs,
                 qPrintable(u"%1 ms timer fired after %2 ms"_s.arg(c.intervalMs).arg(firedAfter)));
    }
}

void tst_EpollEventDispatcher::aTimerStopsOrRestartsItselfFromItsOwnTimeout()
{
    QTimer stopping;
    int stops = 0;
    connect(&stopping, &QTimer::timeout, this, [&] {
        ++stops;
        stopping.stop();
    });
    stopping.start(0);
    QTimer restarting;
    int restarts = 0;
    connect(&restarting, &QTimer::timeout, this, [&] {
        if (++restarts == 1)
            restarting.start(60'000); // a new interval, from now
    });
    restarting.start(5);
    QTRY_COMPARE(restarts, 1);
    QCOMPARE(stops, 1);
    QVERIFY(restarting.isActive());
    QVERIFY(restarting.remainingTime() > 50'000);
    // Posted work runs meanwhile; neither timer comes back.
    int posted = 0;
    for (int i = 0; i < 10; ++i)
        QMetaObject::invokeMethod(
                this, [&posted] { ++posted; }, Qt::QueuedConnection);
    QTRY_COMPARE(posted, 10);
    QCOMPARE(stops, 1);
    QCOMPARE(restarts, 1);
}

void tst_EpollEventDispatcher::aZeroTimerStarvesNothing()
{
    // A zero timer fires once per pass; posted events, ready sockets and other timers still
    // get theirs (tst_qtimer's zeroTimer and the "timer doesn't starve" checks).
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier readable(pair.fd[0], QSocketNotifier::Read);
    bool socketSeen = false;
    connect(&readable, &QSocketNotifier::activated, this, [&] {
        QVERIFY(readOne(pair.fd[0]));
        socketSeen = true;
    });
    QTimer zero;
    int spins = 0;
    connect(&zero, &QTimer::timeout, this, [&] { ++spins; });
    zero.start(0);
    bool postedSeen = false;
    bool timerSeen = false;
    QMetaObject::invokeMethod(
            this, [&] { postedSeen = true; }, Qt::QueuedConnection);
    QTimer::singleShot(10, this, [&] { timerSeen = true; });
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    QTRY_VERIFY(postedSeen && socketSeen && timerSeen);
    QVERIFY(spins > 0);
    // Each pass fires it once: as many spins as passes, never a burst within one.
    const int before = spins;
    QCoreApplication::processEvents();
    QCOMPARE(spins, before + 1);
    zero.stop();
}

void tst_EpollEventDispatcher::passesThatExcludeNotifiersLeaveThemReady()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier readable(pair.fd[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&readable, &QSocketNotifier::activated, this, [&] {
        QVERIFY(readOne(pair.fd[0]));
        ++activations;
    });
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    auto *dispatcher = QAbstractEventDispatcher::instance();
    for (int i = 0; i < 5; ++i)
        dispatcher->processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(activations, 0);
    // Level-triggered, like Qt's poll(): still ready, and seen by the next ordinary pass.
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(activations, 1);
}

void tst_EpollEventDispatcher::interruptEndsAWaitFromAnotherThread()
{
    auto *dispatcher = QAbstractEventDispatcher::instance();
    std::atomic<bool> interrupted = false;
    QThread *thread = QThread::create([&] {
        QThread::msleep(50); // the loop below is waiting in epoll_wait by now
        interrupted = true;
        dispatcher->interrupt();
    });
    QTimer failsafe; // a failure, not a hang
    failsafe.setSingleShot(true);
    bool failsafeFired = false;
    connect(&failsafe, &QTimer::timeout, this, [&] { failsafeFired = true; });
    failsafe.start(10'000);
    thread->start();
    // Nothing posted and no timer due for 10 s: only interrupt() ends the wait in time.
    while (!interrupted && !failsafeFired)
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    thread->wait();
    delete thread;
    QVERIFY(!failsafeFired);
}

void tst_EpollEventDispatcher::aDisabledNotifierWaitsUntilEnabled()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier readable(pair.fd[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&readable, &QSocketNotifier::activated, this, [&] {
        QVERIFY(readOne(pair.fd[0]));
        ++activations;
    });
    readable.setEnabled(false);
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(activations, 0);
    readable.setEnabled(true); // the byte is still there
    QTRY_COMPARE(activations, 1);
    // A read and a write notifier on one descriptor: each hears its own readiness.
    QSocketNotifier writable(pair.fd[0], QSocketNotifier::Write);
    int writes = 0;
    connect(&writable, &QSocketNotifier::activated, this, [&] {
        ++writes;
        writable.setEnabled(false);
    });
    QTRY_COMPARE(writes, 1);
    QCOMPARE(activations, 1); // nothing new to read
    QCOMPARE(::write(pair.fd[1], "y", 1), 1);
    QTRY_COMPARE(activations, 2);
    QCOMPARE(writes, 1);
}

void tst_EpollEventDispatcher::aPeerThatHangsUpIsReadable()
{
    // tst_qsocketnotifier's unexpected disconnection: the reader is told, and reads the end.
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier readable(pair.fd[0], QSocketNotifier::Read);
    bool sawEnd = false;
    connect(&readable, &QSocketNotifier::activated, this, [&] {
        char byte;
        if (::read(pair.fd[0], &byte, 1) == 0) {
            sawEnd = true;
            readable.setEnabled(false); // as a socket does once it has seen the end
        }
    });
    pair.closeEnd(1);
    QTRY_VERIFY(sawEnd);
}

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
