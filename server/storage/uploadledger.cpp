#include "uploadledger.h"

#include "storagelog.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kColumns = "id, owner, owner_key, file_name, size, sha256, client_id, recipient,"
                          " recipient_key, started_at, owner_member, recipient_member";

bool failed(const QSqlQuery &query, const char *what)
{
    qCWarning(lcStorage).noquote() << what << query.lastError().text();
    return false;
}

UploadRecord readRecord(const QSqlQuery &query)
{
    return {query.value(0).toString(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toString(),
            query.value(4).toLongLong(),
            query.value(5).toString(),
            query.value(6).toString(),
            query.value(7).toString(),
            query.value(8).toString(),
            QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC),
            query.value(10).toString(),
            query.value(11).toString()};
}

} // namespace

bool UploadLedger::open(const QString &connectionName)
{
    m_connectionName = connectionName;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, owner TEXT NOT NULL,"
                    " owner_key TEXT NOT NULL, file_name TEXT NOT NULL, size INTEGER NOT NULL,"
                    " sha256 TEXT, client_id TEXT, recipient TEXT, recipient_key TEXT,"
                    " started_at INTEGER NOT NULL)"_s))
        return failed(query, "Cannot create the uploads table:");
    // Added since: an upload recorded before them belongs to no member and is not taken up.
    for (const char *column : {"owner_member", "recipient_member"}) {
        QSqlQuery columns(QSqlDatabase::database(m_connectionName, false));
        if (!columns.exec(u"SELECT 1 FROM pragma_table_info('uploads') WHERE name = '%1'"_s.arg(
                    QLatin1StringView(column))))
            return failed(columns, "Cannot read the uploads table:");
        if (!columns.next()
            && !query.exec(
                    u"ALTER TABLE uploads ADD COLUMN %1 TEXT"_s.arg(QLatin1StringView(column))))
            return failed(query, "Cannot extend the uploads table:");
    }
    return true;
}

bool UploadLedger::add(const UploadRecord &upload)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
            QLatin1StringView(kColumns)));
    for (const QVariant &value :
         {QVariant(upload.id), QVariant(upload.owner), QVariant(upload.ownerKey),
          QVariant(upload.fileName), QVariant(upload.size), QVariant(upload.sha256),
          QVariant(upload.clientId), QVariant(upload.recipient), QVariant(upload.recipientKey),
          QVariant(upload.startedAt.toMSecsSinceEpoch()), QVariant(upload.ownerMember),
          QVariant(upload.recipientMember)})
        query.addBindValue(value);
    return query.exec() || failed(query, "Cannot record an upload:");
}

std::optional<UploadRecord> UploadLedger::find(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT %1 FROM uploads WHERE id = ?"_s.arg(QLatin1StringView(kColumns)));
    query.addBindValue(id);
    if (!query.exec()) {
        failed(query, "Cannot read the uploads:");
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readRecord(query);
}

bool UploadLedger::remove(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"DELETE FROM uploads WHERE id = ?"_s);
    query.addBindValue(id);
    return query.exec() || failed(query, "Cannot forget an upload:");
}

QList<UploadRecord> UploadLedger::all()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QList<UploadRecord> uploads;
    if (!query.exec(
                u"SELECT %1 FROM uploads ORDER BY started_at"_s.arg(QLatin1StringView(kColumns)))) {
        failed(query, "Cannot read the uploads:");
        return uploads;
    }
    while (query.next())
        uploads.append(readRecord(query));
    return uploads;
}
