#include "roompassword.h"

#include <QtCore/QList>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QPasswordDigestor>

namespace {

constexpr QByteArrayView kScheme = "pbkdf2-sha256";
constexpr int kSaltBytes = 16;
constexpr int kDigestBytes = 32;

} // namespace

RoomPassword::RoomPassword(const QString &password)
{
    if (password.isEmpty())
        return;
    quint32 salt[kSaltBytes / sizeof(quint32)];
    QRandomGenerator::system()->fillRange(salt);
    m_salt = QByteArray(reinterpret_cast<const char *>(salt), kSaltBytes);
    m_digest = digestOf(password);
}

std::optional<RoomPassword> RoomPassword::fromRecord(const QByteArray &record)
{
    const QList<QByteArray> parts = record.trimmed().split('$');
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return std::nullopt;
    bool ok = false;
    RoomPassword password;
    password.m_iterations = parts.at(1).toInt(&ok);
    password.m_salt = QByteArray::fromHex(parts.at(2));
    password.m_digest = QByteArray::fromHex(parts.at(3));
    if (!ok || password.m_iterations < 1 || password.m_salt.size() != kSaltBytes
        || password.m_digest.size() != kDigestBytes)
        return std::nullopt;
    return password;
}

QByteArray RoomPassword::record() const
{
    if (!isSet())
        return {};
    return kScheme.toByteArray() + '$' + QByteArray::number(m_iterations) + '$' + m_salt.toHex()
           + '$' + m_digest.toHex();
}

QByteArray RoomPassword::digestOf(const QString &text) const
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, text.toUtf8(), m_salt,
                                              m_iterations, kDigestBytes);
}

bool RoomPassword::matches(const QString &guess) const
{
    if (!isSet())
        return true;
    return sameBytes(m_digest, digestOf(guess));
}

bool RoomPassword::sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}
