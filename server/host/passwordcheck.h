#pragma once

#include "errorcode.h"
#include "passwordthrottle.h"
#include "roompassword.h"

#include <optional>

// The room's password at the door: who may pass (the password, or the hosting window's key),
// and how long an address that keeps guessing wrong must wait first. Decides only; the room
// turns the refused away.
class PasswordCheck final
{
public:
    struct Refusal
    {
        Tertulia::ProtocolError error;
        int failures = 0; // a wrong guess: the how-many-th in a row from that address; else 0
    };

    void setPassword(const RoomPassword &password) { m_password = password; }
    bool isSet() const { return m_password.isSet(); }
    void setHostKey(const QString &key) { m_hostKey = key.toUtf8(); }
    // Whether this is the hosting window's key (compared in constant time).
    bool isHostKey(const QString &password) const;

    std::optional<Refusal> refusal(const QString &password, const QHostAddress &address,
                                   qint64 nowMs);

private:
    RoomPassword m_password;
    QByteArray m_hostKey; // random for each run: no digest needed to keep it from a dump
    PasswordThrottle m_throttle;
};
