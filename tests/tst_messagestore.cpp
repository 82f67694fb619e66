// The history store on a real SQLite file in a temporary directory.

#include "messagestore.h"
#include "retentionscheduler.h"

#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString kReader = u"ana"_s; // the name key pages are read as
}

class tst_MessageStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void appendsAndReadsBackInOrder();
    void checkpointsItsLogOutsideCommits();
    void storesAResentMessageOnce();
    void storesAGroupInOneCommit();
    void pagesAtTheBoundaries();
    void keepsEverythingAcrossReopening();
    void directMessagesReachOnlyTheirParties();
    void addsRecipientColumnsToAnOlderFile();
    void directMessagesFromBeforeMembersAreReadByNobody();
    void filesTravelWithTheirMessages();
    void usesWriteAheadLogging();
    void corruptDatabaseIsAClearError();
    void unusableDirectoryIsAClearError();
    void keepsTheNewestMessages();
    void dropsMessagesOlderThanTheAgeLimit();
    void idsKeepGrowingAfterPruning();
    void capsTheHistoryInBytes();

private:
    // A history file as an older Tertulia wrote it: the statements, on a connection of its own.
    bool writeOlderFile(const QStringList &statements);
    qint64 add(MessageStore &store, const QString &text, const QString &clientId = QString(),
               const QDateTime &time = QDateTime::currentDateTimeUtc());
    static QStringList texts(const QList<StoredMessage> &messages);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MessageStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

qint64 tst_MessageStore::add(MessageStore &store, const QString &text, const QString &clientId,
                             const QDateTime &time)
{
    const auto appended = store.append(u"Ana"_s, u"ana"_s, text, clientId, time);
    return appended ? appended->message.id : -1;
}

QStringList tst_MessageStore::texts(const QList<StoredMessage> &messages)
{
    QStringList result;
    for (const StoredMessage &message : messages)
        result.append(message.text);
    return result;
}

void tst_MessageStore::appendsAndReadsBackInOrder()
{
    MessageStore store;
    QVERIFY2(store.open(m_dir->path()), qPrintable(store.errorString()));
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    const auto first = store.append(u"Ana"_s, u"ana"_s, u"uno 🎉"_s, u"c1"_s, time);
    QVERIFY(first && !first->duplicate);
    QCOMPARE(first->message.id, 1);
    QCOMPARE(add(store, u"dos"_s), 2);
    const QList<StoredMessage> messages = store.latest(kReader, 10).value();
    QCOMPARE(texts(messages), (QStringList{u"uno 🎉"_s, u"dos"_s}));
    QCOMPARE(messages.first().time, time);
    QCOMPARE(messages.first().name, u"Ana"_s);
    QCOMPARE(messages.first().clientId, u"c1"_s);
    QCOMPARE(store.lastId(), 2);
}

void tst_MessageStore::checkpointsItsLogOutsideCommits()
{
    // Commits only append to the log; a thread of the store's own copies it into the database
    // file within a second or so, so neither grows without end while the host runs.
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const QFileInfo database(store.filePath());
    const qint64 empty = database.size();
    const QString text(1000, u'x');
    for (int i = 0; i < 3000; ++i)
        QVERIFY(add(store, text) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(store.filePath()).size() > empty + 2'000'000, 10'000);
    QCOMPARE(store.count(), 3000);
}

void tst_MessageStore::storesAResentMessageOnce()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const auto first = store.append(u"Ana"_s, u"ana"_s, u"hola"_s, u"same"_s,
                                    QDateTime::currentDateTimeUtc());
    const auto again = store.append(u"ANA"_s, u"ana"_s, u"hola"_s, u"same"_s,
                                    QDateTime::currentDateTimeUtc());
    QVERIFY(again && again->duplicate);
    QCOMPARE(again->message.id, first->message.id);
    // Another sender may use the same client id; seed messages (no id) are never merged.
    const auto other = store.append(u"Bea"_s, u"bea"_s, u"hola"_s, u"same"_s,
                                    QDateTime::currentDateTimeUtc());
    QVERIFY(other && !other->duplicate);
    add(store, u"sin id"_s);
    add(store, u"sin id"_s);
    QCOMPARE(store.count(), 4);
}

void tst_MessageStore::storesAGroupInOneCommit()
{
    {
        MessageStore store;
        QVERIFY(store.open(m_dir->path()));
        QVERIFY(store.begin());
        QVERIFY(store.inGroup());
        const auto first = store.append(u"Ana"_s, u"ana"_s, u"uno"_s, u"g1"_s,
                                        QDateTime::currentDateTimeUtc());
        QCOMPARE(add(store, u"dos"_s), first->message.id + 1);
        // A resend within the same group is found in it.
        const auto again = store.append(u"Ana"_s, u"ana"_s, u"uno"_s, u"g1"_s,
                                        QDateTime::currentDateTimeUtc());
        QVERIFY(again && again->duplicate);
        QCOMPARE(again->message.id, first->message.id);
        QVERIFY2(store.commit(), qPrintable(store.errorString()));
        QVERIFY(!store.inGroup());
        QVERIFY(store.begin());
        add(store, u"tres"_s); // committed by closing
    }
    MessageStore reopened;
    QVERIFY(reopened.open(m_dir->path()));
    QCOMPARE(texts(reopened.latest(kReader, 10).value()),
             (QStringList{u"uno"_s, u"dos"_s, u"tres"_s}));
}

void tst_MessageStore::pagesAtTheBoundaries()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    QVERIFY(store.latest(kReader, 100).value().isEmpty());
    QVERIFY(store.before(kReader, 1, 100).value().isEmpty());
    QVERIFY(store.after(kReader, 0, 100).value().isEmpty());
    QCOMPARE(store.lastId(), 0);

    for (int i = 1; i <= 10; ++i)
        add(store, QString::number(i));
    QCOMPARE(texts(store.latest(kReader, 10).value()).size(), 10); // exactly one page
    QCOMPARE(texts(store.latest(kReader, 3).value()), (QStringList{u"8"_s, u"9"_s, u"10"_s}));
    QCOMPARE(texts(store.before(kReader, 8, 3).value()), (QStringList{u"5"_s, u"6"_s, u"7"_s}));
    QCOMPARE(texts(store.before(kReader, 3, 5).value()), (QStringList{u"1"_s, u"2"_s}));
    QVERIFY(store.before(kReader, 1, 5).value().isEmpty());
    QCOMPARE(texts(store.after(kReader, 8, 5).value()), (QStringList{u"9"_s, u"10"_s}));
    QVERIFY(store.after(kReader, 10, 5).value().isEmpty());
}

void tst_MessageStore::keepsEverythingAcrossReopening()
{
    {
        MessageStore store;
        QVERIFY(store.open(m_dir->path()));
        add(store, u"antes"_s, u"k1"_s);
    }
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    QCOMPARE(texts(store.latest(kReader, 10).value()), QStringList{u"antes"_s});
    QVERIFY(store.append(u"Ana"_s, u"ana"_s, u"antes"_s, u"k1"_s, QDateTime::currentDateTimeUtc())
                    ->duplicate);
    QCOMPARE(add(store, u"después"_s), 2);
}

void tst_MessageStore::directMessagesReachOnlyTheirParties()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    add(store, u"para todos"_s);
    // Readers are members (MemberRegistry::memberIdOf), not names.
    const auto direct = store.append(u"Ana"_s, u"ana"_s, u"solo Bea"_s, {}, now,
                                     {u"Bea"_s, u"bea"_s, u"member-ana"_s, u"member-bea"_s});
    QVERIFY(direct && !direct->duplicate);
    QCOMPARE(direct->message.recipient, u"Bea"_s);
    store.append(u"Caro"_s, u"caro"_s, u"solo Dani"_s, {}, now,
                 {u"Dani"_s, u"dani"_s, u"member-caro"_s, u"member-dani"_s});
    add(store, u"otra vez todos"_s);

    const QStringList room{u"para todos"_s, u"otra vez todos"_s};
    QCOMPARE(texts(store.latest(u"member-eva"_s, 10).value()), room);
    QCOMPARE(texts(store.latest(u"member-ana"_s, 10).value()),
             (QStringList{u"para todos"_s, u"solo Bea"_s, u"otra vez todos"_s}));
    QCOMPARE(texts(store.after(u"member-bea"_s, 0, 10).value()),
             (QStringList{u"para todos"_s, u"solo Bea"_s, u"otra vez todos"_s}));
    QCOMPARE(texts(store.before(u"member-dani"_s, 4, 10).value()),
             (QStringList{u"para todos"_s, u"solo Dani"_s}));
    // Someone else under Bea's name (another member) reads the room only; nor does a name key.
    QCOMPARE(texts(store.latest(u"member-bea-2"_s, 10).value()), room);
    QCOMPARE(texts(store.latest(u"bea"_s, 10).value()), room);
    QCOMPARE(texts(store.latest(QString(), 10).value()), room);
    const QList<StoredMessage> seenByBea = store.latest(u"member-bea"_s, 10).value();
    QCOMPARE(seenByBea.at(1).recipient, u"Bea"_s);
    QVERIFY(seenByBea.at(0).recipient.isEmpty());
}

bool tst_MessageStore::writeOlderFile(const QStringList &statements)
{
    bool written = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(m_dir->filePath(QString::fromLatin1(MessageStore::kFileName)));
        written = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            written = written && query.exec(statement);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    return written;
}

void tst_MessageStore::addsRecipientColumnsToAnOlderFile()
{
    // The schema as written before direct messages existed.
    QVERIFY(writeOlderFile({u"CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " name TEXT NOT NULL, name_key TEXT NOT NULL, body TEXT NOT NULL,"
                            " sent_at INTEGER NOT NULL, client_id TEXT)"_s,
                            u"INSERT INTO messages (name, name_key, body, sent_at)"
                            " VALUES ('Ana', 'ana', 'de antes', 0)"_s}));
    MessageStore store;
    QVERIFY2(store.open(m_dir->path()), qPrintable(store.errorString()));
    QVERIFY(store.append(u"Ana"_s, u"ana"_s, u"privado"_s, {}, QDateTime::currentDateTimeUtc(),
                         {u"Bea"_s, u"bea"_s, u"member-ana"_s, u"member-bea"_s}));
    QCOMPARE(texts(store.latest(u"member-eva"_s, 10).value()), QStringList{u"de antes"_s});
    QCOMPARE(texts(store.latest(u"member-bea"_s, 10).value()),
             (QStringList{u"de antes"_s, u"privado"_s}));
    // The file columns came with the upgrade too.
    const StoredFile file{
            u"0123456789abcdef0123456789abcdef"_s, u"foto.png"_s, 1234, u"image/png"_s, 64, 48};
    QVERIFY(store.append(u"Ana"_s, u"ana"_s, u"foto.png"_s, {}, QDateTime::currentDateTimeUtc(), {},
                         file));
    QCOMPARE(store.latest(u"eva"_s, 10).value().last().file.id, file.id);
}

void tst_MessageStore::directMessagesFromBeforeMembersAreReadByNobody()
{
    // A direct message as stored when its parties were names: whoever took the name later
    // read it. Nobody can be told apart from its owner now.
    QVERIFY(writeOlderFile(
            {u"CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
             " name TEXT NOT NULL, name_key TEXT NOT NULL, body TEXT NOT NULL,"
             " sent_at INTEGER NOT NULL, client_id TEXT, recipient TEXT, recipient_key TEXT)"_s,
             u"INSERT INTO messages (name, name_key, body, sent_at)"
             " VALUES ('Ana', 'ana', 'para todos', 0)"_s,
             u"INSERT INTO messages (name, name_key, body, sent_at, recipient, recipient_key)"
             " VALUES ('Ana', 'ana', 'solo Bea', 0, 'Bea', 'bea')"_s}));
    MessageStore store;
    QVERIFY2(store.open(m_dir->path()), qPrintable(store.errorString()));
    for (const QString &reader : {u"bea"_s, u"ana"_s, u"member-bea"_s, QString()})
        QCOMPARE(texts(store.latest(reader, 10).value()), QStringList{u"para todos"_s});
}

void tst_MessageStore::filesTravelWithTheirMessages()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const StoredFile photo{u"11111111111111111111111111111111"_s,
                           u"playa.jpg"_s,
                           402'133,
                           u"image/jpeg"_s,
                           1600,
                           1200};
    const StoredFile notes{u"22222222222222222222222222222222"_s,
                           u"notas.txt"_s,
                           12,
                           u"application/octet-stream"_s,
                           0,
                           0};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(store.append(u"Ana"_s, u"ana"_s, u"playa.jpg"_s, u"f1"_s, now, {}, photo));
    QVERIFY(store.append(u"Bea"_s, u"bea"_s, u"hola"_s, {}, now));
    QVERIFY(store.append(u"Ana"_s, u"ana"_s, u"notas.txt"_s, {}, now,
                         {u"Bea"_s, u"bea"_s, u"member-ana"_s, u"member-bea"_s}, notes));

    const QList<StoredMessage> page = store.latest(u"member-bea"_s, 10).value();
    QCOMPARE(page.size(), 3);
    const StoredFile &read = page.first().file;
    QCOMPARE((QList<QVariant>{read.id, read.name, read.size, read.type, read.width, read.height}),
             (QList<QVariant>{photo.id, photo.name, photo.size, photo.type, photo.width,
                              photo.height}));
    QVERIFY(page.at(1).file.id.isEmpty());
    // Who may read each: the room's by everyone, the direct message's by its two parties.
    QVERIFY(!store.fileReaders(photo.id)->direct);
    QVERIFY(store.fileReaders(notes.id)->direct);
    QCOMPARE(store.fileReaders(notes.id)->senderMember, u"member-ana"_s);
    QCOMPARE(store.fileReaders(notes.id)->recipientMember, u"member-bea"_s);
    QVERIFY(!store.fileReaders(u"33333333333333333333333333333333"_s));
    QCOMPARE(store.fileIds().value(), (QSet<QString>{photo.id, notes.id}));
    QCOMPARE(store.fileBytes(), photo.size + notes.size);
    // The oldest file goes with its message; the message without a file stays.
    QCOMPARE(store.pruneOldestFiles(1), QStringList{photo.id});
    QCOMPARE(store.fileIds().value(), QSet<QString>{notes.id});
    QCOMPARE(texts(store.latest(u"member-bea"_s, 10).value()),
             (QStringList{u"hola"_s, u"notas.txt"_s}));
}

void tst_MessageStore::usesWriteAheadLogging()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    add(store, u"x"_s);
    QVERIFY(QFileInfo::exists(store.filePath() + u"-wal"_s));
}

void tst_MessageStore::corruptDatabaseIsAClearError()
{
    QFile file(m_dir->filePath(QString::fromLatin1(MessageStore::kFileName)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    MessageStore store;
    QVERIFY(!store.open(m_dir->path()));
    QVERIFY2(store.errorString().contains(file.fileName()), qPrintable(store.errorString()));
    QVERIFY(store.errorString().contains(u"not a database"_s));
}

void tst_MessageStore::unusableDirectoryIsAClearError()
{
    QFile blocker(m_dir->filePath(u"occupied"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    MessageStore store;
    QVERIFY(!store.open(blocker.fileName() + u"/room"_s));
    QVERIFY(store.errorString().contains(u"occupied/room"_s));
}

void tst_MessageStore::keepsTheNewestMessages()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    for (int i = 1; i <= 25; ++i)
        add(store, QString::number(i));
    const RetentionPolicy policy{RetentionPolicy::Kind::LastMessages, 10};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // In steps no larger than asked for, so the event loop is never held for long.
    QCOMPARE(store.prune(policy, 4, now), 4);
    QCOMPARE(store.prune(policy, 100, now), 11);
    QCOMPARE(store.prune(policy, 100, now), 0);
    QCOMPARE(texts(store.latest(kReader, 100).value()).first(), u"16"_s);
    QCOMPARE(store.count(), 10);
}

void tst_MessageStore::capsTheHistoryInBytes()
{
    constexpr qint64 kCap = 1024 * 1024;
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const QString heavy(8000, u'ñ'); // 16 KB of UTF-8
    for (int i = 1; i <= 300; ++i)
        QVERIFY(add(store, QString::number(i) + heavy) > 0);
    QVERIFY2(store.usedBytes() > 4 * kCap, qPrintable(QString::number(store.usedBytes())));
    RetentionPolicy policy; // keep all, but no more than the cap
    policy.maxBytes = kCap;
    RetentionScheduler scheduler(store, policy, 60'000);
    QSignalSpy pruned(&scheduler, &RetentionScheduler::pruned);
    scheduler.start();
    QVERIFY(pruned.wait());
    QVERIFY2(store.usedBytes() <= kCap, qPrintable(QString::number(store.usedBytes())));
    // The oldest went; the newest are all there.
    const QList<StoredMessage> newest = store.latest(kReader, 10).value();
    QCOMPARE(newest.size(), 10);
    QVERIFY(newest.last().text.startsWith(u"300"_s));
    QVERIFY(store.count() < 300);
}

void tst_MessageStore::dropsMessagesOlderThanTheAgeLimit()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    add(store, u"old"_s, {}, now.addDays(-40));
    add(store, u"older than a month"_s, {}, now.addDays(-31));
    add(store, u"recent"_s, {}, now.addDays(-29));
    add(store, u"today"_s, {}, now);
    QCOMPARE(store.prune({RetentionPolicy::Kind::MaxAgeDays, 30}, 100, now), 2);
    QCOMPARE(texts(store.latest(kReader, 10).value()), (QStringList{u"recent"_s, u"today"_s}));
    QCOMPARE(store.prune({RetentionPolicy::Kind::KeepAll, 0}, 100, now), 0);
}

void tst_MessageStore::idsKeepGrowingAfterPruning()
{
    MessageStore store;
    QVERIFY(store.open(m_dir->path()));
    add(store, u"a"_s);
    add(store, u"b"_s);
    QCOMPARE(store.prune({RetentionPolicy::Kind::MaxAgeDays, 1}, 10,
                         QDateTime::currentDateTimeUtc().addDays(5)),
             2);
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.lastId(), 2);
    QCOMPARE(add(store, u"c"_s), 3);
}

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
