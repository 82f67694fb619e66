#include "retentionpolicy.h"

using namespace Qt::StringLiterals;

std::optional<RetentionPolicy> RetentionPolicy::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed().toLower();
    if (trimmed == u"all")
        return RetentionPolicy{};
    const bool days = trimmed.endsWith(u'd');
    bool ok = false;
    const qint64 amount = (days ? trimmed.chopped(1) : trimmed).toLongLong(&ok);
    if (!ok || amount <= 0) {
        *error = tr("Invalid history policy \"%1\": use all, a number of messages (1000) or of "
                    "days (30d).")
                         .arg(text);
        return std::nullopt;
    }
    return RetentionPolicy{days ? Kind::MaxAgeDays : Kind::LastMessages, amount};
}

QString RetentionPolicy::toString() const
{
    switch (kind) {
    case Kind::KeepAll:
        return u"all"_s;
    case Kind::LastMessages:
        return QString::number(amount);
    case Kind::MaxAgeDays:
        return QString::number(amount) + u'd';
    }
    return {};
}
