#pragma once

#include "retentionpolicy.h"
#include "storedmessage.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QSet>

#include <memory>
#include <optional>

class QSqlQuery;

// The room's history in one SQLite file (QSQLITE, WAL). Opened once at start; every method
// runs on the opening thread. A resent message — same sender, same client id — is stored once.
class WalCheckpointer;

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
    // Durable once it returns (the WAL is committed) or, within a group, once commit() returns
    // true. Nothing when the write failed.
    // A direct message's recipient and its two parties, which only they read: members, not
    // names (a newcomer who takes a name that was someone else's reads none of it).
    struct Direct
    {
        QString recipient; // as the sender spelled it
        QString recipientKey; // Names::uniquenessKey(recipient)
        QString senderMember; // MemberRegistry::memberIdOf
        QString recipientMember;
    };
    std::optional<Appended> append(const QString &name, const QString &nameKey, const QString &text,
                                   const QString &clientId, const QDateTime &time,
                                   const Direct &direct = {}, const StoredFile &file = {});

    // The writes that follow go into one transaction, up to commit(): one append to the log
    // and one lock for all of them instead of one each. Readers on this connection see them
    // at once; nothing of them is durable until commit() returns true.
    bool begin();
    // False, with errorString(), if the group could not be committed: none of it was stored.
    bool commit();
    bool inGroup() const { return m_inGroup; }

    // Keeps a message stored elsewhere under its own id (a room shared by several hosts:
    // SharedRoom gave the id). Already kept: nothing happens. False if it cannot be written.
    bool keep(const StoredMessage &message, const QString &nameKey, const QString &recipientKey);

    // Pages as the member `readerMember` (MemberRegistry::memberIdOf) may see them: room messages
    // and the direct messages that reader sent or received. All pages are returned oldest first.
    // Reading, outwards from `id`, stops after the first message that takes the page past
    // maxBytes (StoredMessage::pageBytes), so a page of heavy messages is never read whole.
    // Nothing, with errorString() (and a warning in tertulia.storage), if it cannot be read:
    // a read error is never passed off as an empty history.
    std::optional<QList<StoredMessage>> latest(const QString &readerMember, int limit,
                                               qint64 maxBytes = -1);
    std::optional<QList<StoredMessage>> before(const QString &readerMember, qint64 id, int limit,
                                               qint64 maxBytes = -1);
    std::optional<QList<StoredMessage>> after(const QString &readerMember, qint64 id, int limit,
                                              qint64 maxBytes = -1);
    qint64 lastId();
    qint64 count();

    // Who may read a file: its sender and, for a direct message, its recipient (name keys);
    // nothing if no message carries it.
    struct FileReaders
    {
        StoredFile file;
        bool direct = false; // false: everyone in the room reads it
        QString senderMember; // a direct message's parties (none if stored before them)
        QString recipientMember;
    };
    std::optional<FileReaders> fileReaders(const QString &fileId);
    // Every file a message still carries; nothing if it cannot be read.
    std::optional<QSet<QString>> fileIds();
    qint64 fileBytes(); // of every file a message carries
    // Deletes the oldest `limit` messages that carry files; returns the files they carried.
    QStringList pruneOldestFiles(int limit);
    // The SQLite connection, for other tables in the same file (UploadLedger).
    QString connectionName() const { return m_connectionName; }

    // Deletes at most `limit` messages the policy no longer keeps; returns how many it deleted.
    int prune(const RetentionPolicy &policy, int limit, const QDateTime &now);
    // Bytes of the database in use (its pages less the free ones): freed pages are reused, so
    // pruning below a cap stops the file from growing.
    qint64 usedBytes();
    // Deletes the oldest `limit` messages; returns how many it deleted.
    int pruneOldest(int limit);

private:
    bool fail(const QString &what, const QSqlQuery &query);
    bool fail(const QString &what, const QString &why); // sets errorString(), logs, false
    bool addColumns(QSqlQuery &query);
    // What `nameKey` stored as `clientId` (one message or none).
    std::optional<QList<StoredMessage>> findByClient(const QString &nameKey,
                                                     const QString &clientId);
    std::optional<QList<StoredMessage>> page(QSqlQuery &query, const QString &readerMember,
                                             qint64 id, int limit, qint64 maxBytes);
    QList<StoredMessage> read(QSqlQuery &query, qint64 maxBytes = -1);

    QString m_connectionName;
    QString m_filePath;
    QString m_errorString;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // after open()
    bool m_inGroup = false; // between begin() and commit()
};
