#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QLatin1StringView>
#include <QtCore/QStringView>

// The protocol's times: UTC, ISO 8601 with milliseconds ("2026-12-06T18:52:29.123Z"), as
// QDateTime::toString(Qt::ISODateWithMs) writes them, without its formatting machinery.
QByteArray isoTimeText(const QDateTime &time);

// Writes one compact JSON object, member by member, as QJsonDocument::Compact writes it: the
// same escapes, UTF-8, integers. Callers give the keys in QJsonObject's (sorted) order, so
// the bytes are the same too. For the events sent once per message (a message, its ack),
// where building a QJsonObject (a QCborValue underneath) cost more than the rest of it.
class JsonObjectWriter final
{
public:
    explicit JsonObjectWriter(qsizetype reserve = 160);

    JsonObjectWriter &add(QLatin1StringView key, QStringView text);
    JsonObjectWriter &add(QLatin1StringView key, QLatin1StringView text);
    JsonObjectWriter &add(QLatin1StringView key, qint64 number);
    JsonObjectWriter &add(QLatin1StringView key, bool value);
    // As isoTimeText() writes it.
    JsonObjectWriter &addTime(QLatin1StringView key, const QDateTime &time);
    // `json` is already a JSON value (an object, an array): written as it is.
    JsonObjectWriter &addJson(QLatin1StringView key, const QByteArray &json);

    QByteArray take(); // the object, closed; the writer is spent

private:
    void key(QLatin1StringView key);
    void string(QStringView text);

    QByteArray m_json;
};
