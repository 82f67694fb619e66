// The headless host's event dispatcher under the parts of Qt that lean on one: timers, posted
// events from other threads, socket notifiers (a real host and real clients), and a notifier
// that goes away while others of the same pass are still to be activated.
#include "epolleventdispatcher.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtTest/QtTest>

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
};

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

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
