#include "passwordhasher.h"

#include <QtCore/QMetaObject>

PasswordHasher::PasswordHasher(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

PasswordHasher::~PasswordHasher()
{
    m_pool.clear(); // what has not started never will
    m_pool.waitForDone();
}

bool PasswordHasher::check(const RoomPassword &password, const QString &guess,
                           std::function<void(bool)> done)
{
    if (m_checking >= kMaxWaiting)
        return false;
    ++m_checking;
    // The digest and the guess are copied: the room may change its password meanwhile.
    // This object outlives the task (its destructor waits for the pool); the answer, posted
    // to it, is dropped with it.
    m_pool.start([this, password, guess, done = std::move(done)] {
        const bool matched = password.matches(guess);
        QMetaObject::invokeMethod(
                this,
                [this, matched, done] {
                    --m_checking;
                    done(matched);
                },
                Qt::QueuedConnection);
    });
    return true;
}
