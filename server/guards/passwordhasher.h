#pragma once

#include "roompassword.h"

#include <QtCore/QObject>
#include <QtCore/QThreadPool>

#include <functional>

// Checks password guesses against the room's digest on a thread of its own (PBKDF2 takes
// ~10 ms, longer for a stronger record): a crowd guessing costs the event loop nothing. At
// most kMaxWaiting checks wait or run at once; past that, check() says no.
class PasswordHasher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWaiting = 8;

    explicit PasswordHasher(QObject *parent = nullptr);
    ~PasswordHasher() override;

    // Whether the check was taken; if so, done(matched) is called later on this thread
    // (never after this object is gone).
    bool check(const RoomPassword &password, const QString &guess,
               std::function<void(bool matched)> done);

private:
    QThreadPool m_pool;
    int m_checking = 0; // waiting or running
};
