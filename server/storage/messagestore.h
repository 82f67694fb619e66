#pragma once

#include "retentionpolicy.h"
#include "storedmessage.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>

#include <memory>
#include <optional>

class QSqlQuery;

// The room's history in one SQLite file (QSQLITE, WAL). Opened once at start; every method
// runs on the opening thread. A resent message — same sender, same client id — is stored once.
class MessageStore final
{
    Q_DECLARE_TR_FUNCTIONS(MessageStore)

public:
    static constexpr auto kFileName = "tertulia.sqlite";

    MessageStore();
    ~MessageStore();

    // Creates the directory and the database as needed. On failure errorString() says why.
    bool open(const QString &directory);
    QString errorString() const { return m_errorString; }
    QString filePath() const { return m_filePath; }

    struct Appended
    {
        StoredMessage message;
        bool duplicate = false; // already stored earlier; nothing new was written
    };
    // Durable once it returns (the WAL is committed). Nothing when the write failed.
    std::optional<Appended> append(const QString &name, const QString &nameKey, const QString &text,
                                   const QString &clientId, const QDateTime &time);

    // All pages are returned oldest first.
    QList<StoredMessage> latest(int limit);
    QList<StoredMessage> before(qint64 id, int limit);
    QList<StoredMessage> after(qint64 id, int limit);
    qint64 lastId();
    qint64 count();

    // Deletes at most `limit` messages the policy no longer keeps; returns how many it deleted.
    int prune(const RetentionPolicy &policy, int limit, const QDateTime &now);

private:
    bool fail(const QString &what, const QSqlQuery &query);
    QList<StoredMessage> read(QSqlQuery &query);

    QString m_connectionName;
    QString m_filePath;
    QString m_errorString;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};
