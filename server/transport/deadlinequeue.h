#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <deque>
#include <functional>

// Deadlines that all fall the same delay after they are set, so they come due in the order they
// were set: one queue and one timer serve every object instead of a timer each. (A timer per
// connection cost a QObject and a place in Qt's sorted timer list, whose linear insertion was
// 3 % of the host's time when 10 000 connected.) An object deleted before its deadline is
// skipped.
class DeadlineQueue final : public QObject
{
    Q_OBJECT

public:
    using Due = std::function<void(QObject *)>;

    DeadlineQueue(int delayMs, Due due, QObject *parent = nullptr);

    // `due` is called with `object` delayMs from now, if the object still exists.
    void add(QObject *object);
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    struct Entry
    {
        qint64 dueMs;
        QPointer<QObject> object;
    };

    void expire();
    void schedule();

    int m_delayMs;
    Due m_due;
    QElapsedTimer m_clock;
    std::deque<Entry> m_entries;
    QTimer m_timer;
};
