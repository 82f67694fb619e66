#include "epolleventdispatcher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <limits>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

constexpr int kMaxEventsPerPass = 1024; // the rest stay ready for the next pass

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent),
      m_epoll(epoll_create1(EPOLL_CLOEXEC)),
      m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    emit awake();
    m_postedHere = false; // what is posted from here on is for the next pass
    QCoreApplication::sendPostedEvents();
    const bool mayWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted && !m_postedHere;
    if (mayWait)
        emit aboutToBlock();
    epoll_event events[kMaxEventsPerPass];
    int ready = epoll_wait(m_epoll, events, kMaxEventsPerPass, waitMs(mayWait));
    if (ready < 0)
        ready = 0; // EINTR: a signal; the pass goes on with timers and posted events
    bool handled = false;
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            // The flag first: a wakeUp() from now on writes again and is not lost.
            m_wakeUpPending = false;
            std::uint64_t count = 0;
            [[maybe_unused]] const ssize_t read = ::read(m_wakeFd, &count, sizeof count);
            continue;
        }
        if (flags & QEventLoop::ExcludeSocketNotifiers)
            continue; // level-triggered: still ready next time
        const auto watched = m_watched.constFind(fd);
        if (watched == m_watched.cend())
            continue;
        // As Qt's poll() dispatcher reads revents.
        const uint32_t got = events[i].events;
        if ((got & (EPOLLIN | EPOLLHUP | EPOLLERR)) && watched->read)
            m_activating.push_back(watched->read);
        if ((got & (EPOLLOUT | EPOLLERR)) && watched->write)
            m_activating.push_back(watched->write);
        if ((got & EPOLLPRI) && watched->exception)
            m_activating.push_back(watched->exception);
    }
    handled = activateSockets() || handled;
    handled = activateTimers() || handled;
    return handled;
}

bool EpollEventDispatcher::activateSockets()
{
    if (m_activating.empty())
        return false;
    // By index: a handler may unregister notifiers (nulled here) or register more.
    for (size_t i = 0; i < m_activating.size(); ++i) {
        if (QSocketNotifier *notifier = m_activating[i]) {
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
        }
    }
    m_activating.clear();
    return true;
}

bool EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    std::vector<int> due;
    for (auto it = m_dueTimes.begin(); it != m_dueTimes.end() && it->first <= now; ++it)
        due.push_back(it->second);
    for (int id : due) {
        // Each by id again: an earlier one's handler may have stopped or restarted it.
        const auto timer = m_timers.find(id);
        if (timer == m_timers.end() || timer->due->first > now)
            continue;
        // Late (a long pass): the next one is an interval from now, not a burst to catch up.
        qint64 next = timer->due->first + timer->intervalMs;
        if (next <= now)
            next = now + timer->intervalMs;
        m_dueTimes.erase(timer->due);
        timer->due = m_dueTimes.emplace(next, id);
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer->object, &event);
    }
    return !due.empty();
}

int EpollEventDispatcher::waitMs(bool mayWait) const
{
    if (!mayWait)
        return 0;
    if (m_dueTimes.empty())
        return -1;
    return int(std::clamp<qint64>(m_dueTimes.begin()->first - nowMs(), 0,
                                  std::numeric_limits<int>::max()));
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const bool added = !m_watched.contains(fd);
    Watched &watched = m_watched[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watched.read = notifier;
        break;
    case QSocketNotifier::Write:
        watched.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watched.exception = notifier;
        break;
    }
    updateInterest(fd, watched, added);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    std::replace(m_activating.begin(), m_activating.end(), notifier,
                 static_cast<QSocketNotifier *>(nullptr));
    const int fd = int(notifier->socket());
    const auto found = m_watched.find(fd);
    if (found == m_watched.end())
        return;
    for (QSocketNotifier **slot : {&found->read, &found->write, &found->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    if (!found->read && !found->write && !found->exception) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // EBADF if closed already: gone anyway
        m_watched.erase(found);
        return;
    }
    updateInterest(fd, *found, false);
}

void EpollEventDispatcher::updateInterest(int fd, const Watched &watched, bool added)
{
    epoll_event event{};
    event.events = (watched.read ? EPOLLIN : 0u) | (watched.write ? EPOLLOUT : 0u)
                   | (watched.exception ? EPOLLPRI : 0u);
    event.data.fd = fd;
    if (epoll_ctl(m_epoll, added ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event) != 0) {
        // The descriptor number was reused after a close we were not told of: start over.
        if (errno == EEXIST)
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        else if (errno == ENOENT)
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    m_timers.insert(timerId,
                    {interval, timerType, object, m_dueTimes.emplace(nowMs() + interval, timerId)});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return false;
    m_dueTimes.erase(found->due);
    m_timers.erase(found);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_dueTimes.erase(it->due);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timers.append({it.key(), int(it->intervalMs), it->type});
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto found = m_timers.constFind(timerId);
    if (found == m_timers.cend())
        return -1;
    return int(std::max<qint64>(0, found->due->first - nowMs()));
}

void EpollEventDispatcher::wakeUp()
{
    if (QThread::currentThread() == thread()) {
        m_postedHere = true;
        return;
    }
    if (!m_wakeUpPending.exchange(true)) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}
