#include "walcheckpointer.h"

#include "storagelog.h"

#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

WalCheckpointer::WalCheckpointer(const QString &databasePath)
    : m_thread([this, databasePath] { run(databasePath); })
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::run(const QString &databasePath)
{
    // A connection belongs to the thread that made it: this one is made, used and closed here.
    const QString name = u"tertulia-checkpoint-"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            std::unique_lock lock(m_mutex);
            while (!m_wake.wait_for(lock, std::chrono::milliseconds(kIntervalMs),
                                    [this] { return m_stopping; })) {
                lock.unlock();
                if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s)) {
                    qCWarning(lcStorage).noquote()
                            << "Cannot checkpoint the history's log:" << query.lastError().text();
                }
                query.finish();
                lock.lock();
            }
        } else {
            qCWarning(lcStorage).noquote()
                    << "Cannot open the history to checkpoint it:" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
