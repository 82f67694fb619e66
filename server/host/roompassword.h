#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

// The room's optional password. Only a digest is kept, and checks take the same time whatever
// the guess, so neither memory dumps nor timing give it away. Never logged.
class RoomPassword final
{
public:
    explicit RoomPassword(const QString &password = QString());

    bool isSet() const { return !m_digest.isEmpty(); }
    bool matches(const QString &guess) const;

private:
    QByteArray m_digest; // SHA-256 of the UTF-8 password; empty when the room is open
};
