#pragma once

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QHash>

#include <atomic>
#include <map>
#include <vector>

class QSocketNotifier;

// An event dispatcher for the headless host's main thread that waits with epoll, so that a pass
// of the event loop costs what is ready, not every connection: Qt 6.4's UNIX dispatcher polls
// every socket notifier on every pass (with 10 000 members a third of the host's time while a
// crowd joins went to the kernel's sock_poll). Level-triggered, like poll(), so notifiers see
// what they saw before. Timers are kept in order of when they are due: a crowd of 10 000 holds
// as many request-head timers for a moment, and each comes and goes in O(log n).
// One per thread; wakeUp() may be called from any thread.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watched // the notifiers of one descriptor, by type
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
    };
    using DueTimes = std::multimap<qint64, int>; // when (monotonic ms) → timer id
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        DueTimes::iterator due;
    };

    void updateInterest(int fd, const Watched &watched, bool added);
    int waitMs(bool mayWait) const; // until the next timer is due; -1: none
    bool activateTimers();
    bool activateSockets(); // what processEvents() found ready

    int m_epoll = -1;
    int m_wakeFd = -1; // an eventfd: wakeUp() from any thread
    std::atomic<bool> m_wakeUpPending{false};
    // An event posted from this thread: the next pass handles it without waiting, with no
    // eventfd write and read to say so.
    bool m_postedHere = false;
    std::atomic<bool> m_interrupted{false};
    QHash<int, Watched> m_watched;
    // Notifiers to activate in this pass; one unregistered meanwhile is nulled here.
    std::vector<QSocketNotifier *> m_activating;
    QHash<int, Timer> m_timers; // by id
    DueTimes m_dueTimes;
};
