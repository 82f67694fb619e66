#pragma once

#include "errorcode.h"
#include "passwordthrottle.h"
#include "roompassword.h"
#include "tokenbucket.h"

#include <optional>

// The room's password at the door: who may pass (the password, or the hosting window's key),
// how long an address that keeps guessing wrong must wait first, and how many wrong guesses
// the whole room takes a second (a crowd of addresses guesses within one budget). Decides
// only: the digest itself is computed elsewhere (PasswordHasher), off the event loop.
class PasswordCheck final
{
public:
    static constexpr double kRoomGuessesPerSecond = 2;
    static constexpr double kRoomGuessBurst = 20;

    struct Refusal
    {
        Tertulia::ProtocolError error;
        int failures = 0; // a wrong guess: the how-many-th in a row from that address; else 0
    };
    enum class Verdict {
        Passes, // no password, or the host's key
        Refused, // see refusal
        NeedsDigest, // a guess to check: hash it (PasswordHasher), then hashed()
    };
    struct Screened
    {
        Verdict verdict;
        std::optional<Refusal> refusal;
    };

    void setPassword(const RoomPassword &password) { m_password = password; }
    bool isSet() const { return m_password.isSet(); }
    const RoomPassword &password() const { return m_password; }
    void setHostKey(const QString &key) { m_hostKey = key.toUtf8(); }
    // Whether this is the hosting window's key (compared in constant time).
    bool isHostKey(const QString &password) const;

    Screened screen(const QString &password, const QHostAddress &address, qint64 nowMs);
    // The digest said whether the guess matched: nothing if it passes.
    std::optional<Refusal> hashed(bool matched, const QHostAddress &address, qint64 nowMs);
    // A guess screen() let through was never checked (the hasher was busy): it costs nothing.
    void notChecked(qint64 nowMs) { m_roomGuesses.spend(nowMs, -1); }

private:
    RoomPassword m_password;
    QByteArray m_hostKey; // random for each run: no digest needed to keep it from a dump
    PasswordThrottle m_throttle;
    TokenBucket m_roomGuesses{kRoomGuessesPerSecond, kRoomGuessBurst}; // wrong ones
};
