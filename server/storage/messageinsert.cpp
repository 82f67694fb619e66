#include "messageinsert.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlDriver>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

constexpr char kInsert[]
        = "INSERT INTO messages (name, name_key, body, sent_at, client_id, recipient, "
          "recipient_key, file_id, file_name, file_size, file_type, file_width, file_height,"
          " sender_member, recipient_member)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

// The text stays the caller's until the statement is reset (SQLITE_STATIC).
int bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    return sqlite3_bind_text16(statement, index,
                               text.isNull() ? static_cast<const void *>(u"") : text.utf16(),
                               int(text.size() * 2), SQLITE_STATIC);
}

// The optional columns: empty is NULL.
int bindOptional(sqlite3_stmt *statement, int index, const QString &text)
{
    return text.isEmpty() ? sqlite3_bind_null(statement, index) : bindText(statement, index, text);
}

int bindOptional(sqlite3_stmt *statement, int index, bool present, qint64 number)
{
    return present ? sqlite3_bind_int64(statement, index, number)
                   : sqlite3_bind_null(statement, index);
}

} // namespace

MessageInsert::~MessageInsert()
{
    sqlite3_finalize(m_statement);
}

bool MessageInsert::prepare(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0) {
        m_errorString = u"the SQLite driver gives no handle"_s;
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (sqlite3_prepare_v3(m_db, kInsert, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        m_errorString = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

MessageInsert::Outcome MessageInsert::run(const Row &row, qint64 *id)
{
    const bool hasFile = !row.file.id.isEmpty();
    const QString none; // lvalues all: each text bound stays where it is until the reset
    const QString &recipientKey = row.recipient.isEmpty() ? none : row.recipientKey;
    const int binds[] = {
            bindText(m_statement, 1, row.name),
            bindText(m_statement, 2, row.nameKey),
            bindText(m_statement, 3, row.text),
            sqlite3_bind_int64(m_statement, 4, row.sentAt),
            bindOptional(m_statement, 5, row.clientId),
            bindOptional(m_statement, 6, row.recipient),
            bindOptional(m_statement, 7, recipientKey),
            bindOptional(m_statement, 8, hasFile ? row.file.id : none),
            bindOptional(m_statement, 9, hasFile ? row.file.name : none),
            bindOptional(m_statement, 10, hasFile, row.file.size),
            bindOptional(m_statement, 11, hasFile ? row.file.type : none),
            bindOptional(m_statement, 12, hasFile, row.file.width),
            bindOptional(m_statement, 13, hasFile, row.file.height),
            bindOptional(m_statement, 14, row.recipient.isEmpty() ? none : row.senderMember),
            bindOptional(m_statement, 15, row.recipient.isEmpty() ? none : row.recipientMember),
    };
    const bool bound = std::all_of(std::begin(binds), std::end(binds),
                                   [](int result) { return result == SQLITE_OK; });
    const int stepped = bound ? sqlite3_step(m_statement) : SQLITE_ERROR;
    if (stepped == SQLITE_DONE)
        *id = sqlite3_last_insert_rowid(m_db);
    else
        m_errorString = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (stepped == SQLITE_DONE)
        return Outcome::Inserted;
    return (stepped & 0xff) == SQLITE_CONSTRAINT ? Outcome::Refused : Outcome::Failed;
}
