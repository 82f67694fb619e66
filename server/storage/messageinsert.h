#pragma once

#include "storedmessage.h"

#include <QtCore/QString>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

// Storing a message, the history's one statement run for every message, through SQLite's own
// API on the QtSql connection (QSqlDriver::handle(), the same library: Debian's plugin links
// the system libsqlite3): QSqlQuery's binding (QSqlResult names every placeholder with
// QString::arg) cost more than the insert itself.
class MessageInsert final
{
public:
    MessageInsert() = default;
    MessageInsert(const MessageInsert &) = delete;
    MessageInsert &operator=(const MessageInsert &) = delete;
    ~MessageInsert(); // before the connection closes

    bool prepare(const QSqlDatabase &db);

    struct Row
    {
        const QString &name;
        const QString &nameKey;
        const QString &text;
        qint64 sentAt; // ms since the epoch, UTC
        const QString &clientId; // empty: none
        const QString &recipient; // empty: the whole room
        const QString &recipientKey;
        const StoredFile &file;
        const QString &senderMember; // a direct message's parties
        const QString &recipientMember;
    };
    enum class Outcome { Inserted, Refused, Failed }; // Refused: a constraint (a resend)
    Outcome run(const Row &row, qint64 *id);

    QString errorString() const { return m_errorString; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_errorString;
};
