#include "messagestore.h"

#include "messageinsert.h"
#include "walcheckpointer.h"

#include "storagelog.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

const QStringList kPragmas{
        // WAL: readers never block the writer, and a commit is one append to the log. NORMAL
        // sync keeps every commit across a crash of the process; a power cut may lose the last few.
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = NORMAL"_s,
        u"PRAGMA busy_timeout = 5000"_s,
        u"PRAGMA foreign_keys = ON"_s,
        // Checkpoints run on a thread of their own (WalCheckpointer), not inside a commit.
        u"PRAGMA wal_autocheckpoint = 0"_s,
};

const QStringList kSchema{
        // AUTOINCREMENT: ids are never reused, even after retention deletes the newest ones' peers.
        u"CREATE TABLE IF NOT EXISTS messages ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " name TEXT NOT NULL,"
        " name_key TEXT NOT NULL,"
        " body TEXT NOT NULL,"
        " sent_at INTEGER NOT NULL,"
        " client_id TEXT)"_s,
        u"CREATE UNIQUE INDEX IF NOT EXISTS messages_by_client"
        " ON messages (name_key, client_id) WHERE client_id IS NOT NULL"_s,
        u"CREATE INDEX IF NOT EXISTS messages_by_time ON messages (sent_at)"_s,
};

constexpr auto kColumns = "id, name, body, sent_at, client_id, recipient,"
                          " file_id, file_name, file_size, file_type, file_width, file_height";

// Columns added since the first schema, each with its type: older files gain them on opening.
const QList<std::pair<QString, QString>> kAddedColumns{
        {u"recipient"_s, u"TEXT"_s},     {u"recipient_key"_s, u"TEXT"_s},
        {u"file_id"_s, u"TEXT"_s},       {u"file_name"_s, u"TEXT"_s},
        {u"file_size"_s, u"INTEGER"_s},  {u"file_type"_s, u"TEXT"_s},
        {u"file_width"_s, u"INTEGER"_s}, {u"file_height"_s, u"INTEGER"_s},
        {u"sender_member"_s, u"TEXT"_s}, {u"recipient_member"_s, u"TEXT"_s},
};
// Room messages, and direct messages to or from the reading member (bound twice). Direct
// messages stored before members were told apart from names (no member columns) are read by
// nobody: a newcomer under a name that was someone else's could not be told from its owner.
constexpr auto kReadable = "(recipient_key IS NULL OR recipient_member = ? OR sender_member = ?)";

} // namespace

struct MessageStore::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : begin(db), commit(db), rollback(db), keep(db), findByClient(db), before(db), after(db)
    { }
    QSqlQuery begin;
    QSqlQuery commit;
    QSqlQuery rollback;
    MessageInsert insert;
    QSqlQuery keep;
    QSqlQuery findByClient;
    QSqlQuery before;
    QSqlQuery after;
};

MessageStore::MessageStore() : m_connectionName(u"tertulia-store-%1"_s.arg(quintptr(this), 0, 16))
{ }

MessageStore::~MessageStore()
{
    if (m_statements)
        commit(); // closing would roll an open group back
    m_checkpointer.reset();
    m_statements.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool MessageStore::open(const QString &directory)
{
    if (!QDir().mkpath(directory)) {
        m_errorString = tr("Cannot create the data directory %1.").arg(directory);
        return false;
    }
    m_filePath = QDir(directory).absoluteFilePath(QString::fromLatin1(kFileName));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_filePath);
    if (!db.open()) {
        m_errorString = tr("Cannot open the history database %1: %2")
                                .arg(m_filePath, db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    for (const QString &statement : kPragmas + kSchema) {
        if (!query.exec(statement))
            return fail(tr("Cannot use the history database %1").arg(m_filePath), query);
    }
    if (!addColumns(query)
        || !query.exec(u"CREATE INDEX IF NOT EXISTS messages_by_file ON messages (file_id)"
                       " WHERE file_id IS NOT NULL"_s))
        return fail(tr("Cannot use the history database %1").arg(m_filePath), query);
    m_statements = std::make_unique<Statements>(db);
    Statements &s = *m_statements;
    const bool prepared
            = s.begin.prepare(u"BEGIN"_s) && s.commit.prepare(u"COMMIT"_s)
              && s.rollback.prepare(u"ROLLBACK"_s)
              && s.keep.prepare(
                      u"INSERT OR IGNORE INTO messages"
                      " (id, name, name_key, body, sent_at, client_id, recipient, recipient_key,"
                      " sender_member, recipient_member)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)
              && s.findByClient.prepare(
                      u"SELECT %1 FROM messages WHERE name_key = ? AND client_id = ?"_s.arg(
                              QLatin1StringView(kColumns)))
              && s.before.prepare(
                      u"SELECT %1 FROM messages WHERE %2 AND id < ? ORDER BY id DESC LIMIT ?"_s.arg(
                              QLatin1StringView(kColumns), QLatin1StringView(kReadable)))
              && s.after.prepare(
                      u"SELECT %1 FROM messages WHERE %2 AND id > ? ORDER BY id LIMIT ?"_s.arg(
                              QLatin1StringView(kColumns), QLatin1StringView(kReadable)));
    if (!prepared)
        return fail(tr("Cannot use the history database %1").arg(m_filePath), s.keep);
    if (!s.insert.prepare(db))
        return fail(tr("Cannot use the history database %1").arg(m_filePath),
                    s.insert.errorString());
    m_checkpointer = std::make_unique<WalCheckpointer>(m_filePath);
    return true;
}

bool MessageStore::addColumns(QSqlQuery &query)
{
    for (const auto &[column, type] : kAddedColumns) {
        if (!query.exec(u"SELECT name FROM pragma_table_info('messages') WHERE name = '%1'"_s.arg(
                    column)))
            return false;
        if (query.next())
            continue;
        if (!query.exec(u"ALTER TABLE messages ADD COLUMN %1 %2"_s.arg(column, type)))
            return false;
    }
    return true;
}

std::optional<MessageStore::Appended>
MessageStore::append(const QString &name, const QString &nameKey, const QString &text,
                     const QString &clientId, const QDateTime &time, const Direct &direct,
                     const StoredFile &file)
{
    Statements &s = *m_statements;
    const qint64 sentAt = time.toMSecsSinceEpoch();
    qint64 id = 0;
    const MessageInsert::Outcome outcome
            = s.insert.run({name, nameKey, text, sentAt, clientId, direct.recipient,
                            direct.recipientKey, file, direct.senderMember, direct.recipientMember},
                           &id);
    if (outcome != MessageInsert::Outcome::Inserted) {
        // A resend breaks the unique (name_key, client_id) index: it is answered with the
        // message stored the first time. Looked up only then, not before every insert.
        if (!clientId.isEmpty() && outcome == MessageInsert::Outcome::Refused) {
            const std::optional<QList<StoredMessage>> earlier = findByClient(nameKey, clientId);
            if (!earlier)
                return std::nullopt; // logged
            if (!earlier->isEmpty())
                return Appended{earlier->first(), true};
        }
        fail(tr("Cannot store the message"), s.insert.errorString());
        return std::nullopt;
    }
    return Appended{{id, name, text, QDateTime::fromMSecsSinceEpoch(sentAt, Qt::UTC), clientId,
                     direct.recipient, file, direct.senderMember, direct.recipientMember},
                    false};
}

bool MessageStore::begin()
{
    if (m_inGroup)
        return true;
    if (!m_statements->begin.exec())
        return fail(tr("Cannot store messages together"), m_statements->begin);
    m_statements->begin.finish();
    m_inGroup = true;
    return true;
}

bool MessageStore::commit()
{
    if (!m_inGroup)
        return true;
    m_inGroup = false;
    Statements &s = *m_statements;
    if (s.commit.exec()) {
        s.commit.finish();
        return true;
    }
    fail(tr("Cannot store the messages"), s.commit);
    // A failed COMMIT may leave the transaction open (SQLite rolls back only some errors).
    if (s.rollback.exec())
        s.rollback.finish();
    return false;
}

std::optional<QList<StoredMessage>> MessageStore::findByClient(const QString &nameKey,
                                                               const QString &clientId)
{
    QSqlQuery &find = m_statements->findByClient;
    find.addBindValue(nameKey);
    find.addBindValue(clientId);
    if (find.exec())
        return read(find);
    fail(tr("Cannot read the history"), find);
    return std::nullopt;
}

bool MessageStore::keep(const StoredMessage &message, const QString &nameKey,
                        const QString &recipientKey)
{
    QSqlQuery &keep = m_statements->keep;
    keep.addBindValue(message.id);
    keep.addBindValue(message.name);
    keep.addBindValue(nameKey);
    keep.addBindValue(message.text);
    keep.addBindValue(message.time.toMSecsSinceEpoch());
    keep.addBindValue(message.clientId.isEmpty() ? QVariant() : QVariant(message.clientId));
    keep.addBindValue(message.recipient.isEmpty() ? QVariant() : QVariant(message.recipient));
    keep.addBindValue(message.recipient.isEmpty() ? QVariant() : QVariant(recipientKey));
    keep.addBindValue(message.recipient.isEmpty() ? QVariant() : QVariant(message.senderMember));
    keep.addBindValue(message.recipient.isEmpty() ? QVariant() : QVariant(message.recipientMember));
    return keep.exec() || fail(tr("Cannot keep the message"), keep);
}

std::optional<QList<StoredMessage>> MessageStore::latest(const QString &readerMember, int limit,
                                                         qint64 maxBytes)
{
    // The newest page is the page before any id there could be.
    return before(readerMember, std::numeric_limits<qint64>::max(), limit, maxBytes);
}

std::optional<QList<StoredMessage>> MessageStore::before(const QString &readerMember, qint64 id,
                                                         int limit, qint64 maxBytes)
{
    std::optional<QList<StoredMessage>> newestFirst
            = page(m_statements->before, readerMember, id, limit, maxBytes);
    if (newestFirst)
        std::reverse(newestFirst->begin(), newestFirst->end());
    return newestFirst;
}

std::optional<QList<StoredMessage>> MessageStore::after(const QString &readerMember, qint64 id,
                                                        int limit, qint64 maxBytes)
{
    return page(m_statements->after, readerMember, id, limit, maxBytes);
}

std::optional<QList<StoredMessage>> MessageStore::page(QSqlQuery &query,
                                                       const QString &readerMember, qint64 id,
                                                       int limit, qint64 maxBytes)
{
    query.addBindValue(readerMember);
    query.addBindValue(readerMember);
    query.addBindValue(id);
    query.addBindValue(limit);
    if (query.exec())
        return read(query, maxBytes);
    fail(tr("Cannot read the history"), query);
    return std::nullopt;
}

qint64 MessageStore::usedBytes()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const auto pragma = [&query](const QString &name) {
        return query.exec(u"PRAGMA "_s + name) && query.next() ? query.value(0).toLongLong() : 0;
    };
    const qint64 pages = pragma(u"page_count"_s) - pragma(u"freelist_count"_s);
    return pages * pragma(u"page_size"_s);
}

std::optional<MessageStore::FileReaders> MessageStore::fileReaders(const QString &fileId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT file_id, file_name, file_size, file_type, file_width, file_height,"
                  " recipient_key, sender_member, recipient_member FROM messages"
                  " WHERE file_id = ?"_s);
    query.addBindValue(fileId);
    if (!query.exec()) {
        fail(tr("Cannot read the history"), query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return FileReaders{{query.value(0).toString(), query.value(1).toString(),
                        query.value(2).toLongLong(), query.value(3).toString(),
                        query.value(4).toInt(), query.value(5).toInt()},
                       !query.value(6).isNull(),
                       query.value(7).toString(),
                       query.value(8).toString()};
}

std::optional<QSet<QString>> MessageStore::fileIds()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT file_id FROM messages WHERE file_id IS NOT NULL"_s)) {
        fail(tr("Cannot read the history"), query);
        return std::nullopt;
    }
    QSet<QString> ids;
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

qint64 MessageStore::fileBytes()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    return query.exec(u"SELECT TOTAL(file_size) FROM messages WHERE file_id IS NOT NULL"_s)
                           && query.next()
                   ? qint64(query.value(0).toDouble())
                   : 0;
}

QStringList MessageStore::pruneOldestFiles(int limit)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages"
                  " WHERE file_id IS NOT NULL ORDER BY id LIMIT ?) RETURNING file_id"_s);
    query.addBindValue(limit);
    QStringList files;
    if (!query.exec()) {
        fail(tr("Cannot apply the limit on files"), query);
        return files;
    }
    while (query.next())
        files.append(query.value(0).toString());
    return files;
}

int MessageStore::pruneOldest(int limit)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
            u"DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT ?)"_s);
    query.addBindValue(limit);
    if (!query.exec()) {
        fail(tr("Cannot apply the history's size limit"), query);
        return 0;
    }
    return query.numRowsAffected();
}

qint64 MessageStore::lastId()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // The AUTOINCREMENT counter, so the sequence survives even if every message was pruned.
    if (query.exec(u"SELECT seq FROM sqlite_sequence WHERE name = 'messages'"_s) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

qint64 MessageStore::count()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    return query.exec(u"SELECT COUNT(*) FROM messages"_s) && query.next()
                   ? query.value(0).toLongLong()
                   : 0;
}

int MessageStore::prune(const RetentionPolicy &policy, int limit, const QDateTime &now)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    switch (policy.kind) {
    case RetentionPolicy::Kind::KeepAll:
        return 0;
    case RetentionPolicy::Kind::LastMessages:
        query.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE id <="
                      " (SELECT id FROM messages ORDER BY id DESC LIMIT 1 OFFSET ?)"
                      " ORDER BY id LIMIT ?)"_s);
        query.addBindValue(policy.amount);
        break;
    case RetentionPolicy::Kind::MaxAgeDays:
        query.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE sent_at < ?"
                      " ORDER BY id LIMIT ?)"_s);
        query.addBindValue(now.addDays(-policy.amount).toMSecsSinceEpoch());
        break;
    }
    query.addBindValue(limit);
    if (!query.exec()) {
        fail(tr("Cannot apply the history policy"), query);
        return 0;
    }
    return query.numRowsAffected();
}

bool MessageStore::fail(const QString &what, const QSqlQuery &query)
{
    return fail(what, query.lastError().text());
}

bool MessageStore::fail(const QString &what, const QString &why)
{
    m_errorString = what + u": "_s + why;
    qCWarning(lcStorage).noquote() << m_filePath << m_errorString;
    return false;
}

QList<StoredMessage> MessageStore::read(QSqlQuery &query, qint64 maxBytes)
{
    QList<StoredMessage> messages;
    qint64 bytes = 0;
    // SQLite reads a row only when asked for it: stopping early leaves the rest unread.
    while ((maxBytes < 0 || bytes <= maxBytes) && query.next()) {
        messages.append(
                {query.value(0).toLongLong(),
                 query.value(1).toString(),
                 query.value(2).toString(),
                 QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC),
                 query.value(4).toString(),
                 query.value(5).toString(),
                 {query.value(6).toString(), query.value(7).toString(), query.value(8).toLongLong(),
                  query.value(9).toString(), query.value(10).toInt(), query.value(11).toInt()}});
        bytes += messages.constLast().pageBytes();
    }
    query.finish();
    return messages;
}
