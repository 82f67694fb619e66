#include "passwordcheck.h"

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Tertulia;

bool PasswordCheck::isHostKey(const QString &password) const
{
    return !m_hostKey.isEmpty() && RoomPassword::sameBytes(m_hostKey, password.toUtf8());
}

PasswordCheck::Screened PasswordCheck::screen(const QString &password, const QHostAddress &address,
                                              qint64 nowMs)
{
    if (!m_password.isSet())
        return {Verdict::Passes, std::nullopt};
    if (password.isEmpty()) { // a first visit, not a guess
        return {Verdict::Refused, Refusal{{ErrorCode::PasswordRequired,
                                           u"This room has a password: send it to join."_s}}};
    }
    if (isHostKey(password)) {
        m_throttle.succeeded(address);
        return {Verdict::Passes, std::nullopt};
    }
    if (const qint64 wait = m_throttle.waitMs(address, nowMs); wait > 0) {
        return {Verdict::Refused,
                Refusal{{ErrorCode::PasswordThrottled,
                         u"Too many wrong passwords from your address: try again in %1 s."_s.arg(
                                 (wait + 999) / 1000)}}};
    }
    // Taken now, given back if the guess was right: guesses being checked count already.
    if (!m_roomGuesses.take(nowMs)) {
        const double left = m_roomGuesses.available(nowMs);
        const auto seconds = qint64(std::ceil((1 - left) / kRoomGuessesPerSecond));
        return {Verdict::Refused,
                Refusal{{ErrorCode::PasswordThrottled,
                         u"Many wrong passwords are being tried in this room just now: try "
                         "again in %1 s."_s.arg(std::max<qint64>(1, seconds))}}};
    }
    return {Verdict::NeedsDigest, std::nullopt};
}

std::optional<PasswordCheck::Refusal>
PasswordCheck::hashed(bool matched, const QHostAddress &address, qint64 nowMs)
{
    if (matched) {
        m_throttle.succeeded(address);
        m_roomGuesses.spend(nowMs, -1);
        return std::nullopt;
    }
    return Refusal{protocolError(ErrorCode::PasswordWrong), m_throttle.failed(address, nowMs)};
}
