#include "roompassword.h"

#include <QtCore/QCryptographicHash>

namespace {

QByteArray digestOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

RoomPassword::RoomPassword(const QString &password)
    : m_digest(password.isEmpty() ? QByteArray() : digestOf(password))
{ }

bool RoomPassword::matches(const QString &guess) const
{
    if (!isSet())
        return true;
    // Equal-length digests compared without an early exit.
    const QByteArray candidate = digestOf(guess);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < m_digest.size(); ++i)
        difference |= static_cast<unsigned char>(m_digest.at(i) ^ candidate.at(i));
    return difference == 0;
}
