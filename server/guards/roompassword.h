#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

// The room's optional password. Only a salted PBKDF2 digest is kept, in memory and on disk
// (record()), and checks take the same time whatever the guess, so neither a copied data
// directory, a memory dump nor timing gives it away. Never logged.
class RoomPassword final
{
public:
    static constexpr int kIterations = 20'000; // about 10 ms a check on a laptop

    explicit RoomPassword(const QString &password = QString());
    // A digest as record() wrote it; nothing for anything else.
    static std::optional<RoomPassword> fromRecord(const QByteArray &record);

    bool isSet() const { return !m_digest.isEmpty(); }
    bool matches(const QString &guess) const;
    // "pbkdf2-sha256$iterations$salt$digest", hex; empty when the room is open.
    QByteArray record() const;
    // Equal, compared without an early exit: how long it takes says nothing of where they
    // differ (only whether their lengths do).
    static bool sameBytes(const QByteArray &a, const QByteArray &b);

private:
    QByteArray digestOf(const QString &text) const;

    QByteArray m_salt;
    int m_iterations = kIterations;
    QByteArray m_digest; // empty when the room is open
};
