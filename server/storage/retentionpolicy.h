#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

// How much history the room keeps: everything, the newest N messages, or the last N days.
struct RetentionPolicy
{
    Q_DECLARE_TR_FUNCTIONS(RetentionPolicy)

public:
    enum class Kind { KeepAll, LastMessages, MaxAgeDays };

    // "all", "N" (messages) or "Nd" (days); nothing, with *error set, for anything else.
    static std::optional<RetentionPolicy> parse(const QString &text, QString *error);
    QString toString() const;

    Kind kind = Kind::KeepAll;
    qint64 amount = 0;
    qint64 maxBytes = 0; // and, whatever the kind, at most this much database; 0: no cap
};
