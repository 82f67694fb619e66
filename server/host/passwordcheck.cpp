#include "passwordcheck.h"

using namespace Qt::StringLiterals;
using namespace Tertulia;

bool PasswordCheck::isHostKey(const QString &password) const
{
    return !m_hostKey.isEmpty() && RoomPassword::sameBytes(m_hostKey, password.toUtf8());
}

std::optional<PasswordCheck::Refusal>
PasswordCheck::refusal(const QString &password, const QHostAddress &address, qint64 nowMs)
{
    if (!m_password.isSet())
        return std::nullopt;
    // A join with no password guesses nothing: it is only told one is needed.
    const qint64 wait = password.isEmpty() ? 0 : m_throttle.waitMs(address, nowMs);
    if (wait > 0) {
        return Refusal{{ErrorCode::PasswordThrottled,
                        u"Too many wrong passwords from your address: try again in %1 s."_s.arg(
                                (wait + 999) / 1000)}};
    }
    if (isHostKey(password) || m_password.matches(password)) {
        m_throttle.succeeded(address);
        return std::nullopt;
    }
    if (password.isEmpty()) // a first visit, not a guess
        return Refusal{
                {ErrorCode::PasswordRequired, u"This room has a password: send it to join."_s}};
    return Refusal{{ErrorCode::PasswordWrong, u"That is not the room's password."_s},
                   m_throttle.failed(address, nowMs)};
}
