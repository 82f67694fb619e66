#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

// An upload not finished yet: what the file will be and whose it is. Its bytes so far are
// FileStore's .part file of the same id.
struct UploadRecord
{
    QString id; // 32 hex digits, unguessable
    QString owner; // the member sending it, as the room spells the name...
    QString ownerKey; // ...and its uniqueness key: only that member may go on with it
    QString fileName;
    qint64 size = 0;
    QString sha256; // empty if the sender gave none
    QString clientId; // the sender's id for the message that will carry it
    QString recipient; // a direct message's file
    QString recipientKey;
    QDateTime startedAt; // UTC
    QString ownerMember; // the sender as a member (MemberRegistry::memberIdOf): only it goes on
    QString recipientMember; // a direct message's recipient, as a member
};

// The uploads in progress, in a table of the history's SQLite file, so an upload survives the
// host's restart (or SIGKILL) and the sender goes on from what was stored.
class UploadLedger final
{
    Q_DECLARE_TR_FUNCTIONS(UploadLedger)

public:
    // connectionName: MessageStore::connectionName(), already open.
    bool open(const QString &connectionName);
    bool add(const UploadRecord &upload);
    std::optional<UploadRecord> find(const QString &id);
    bool remove(const QString &id);
    QList<UploadRecord> all();

private:
    QString m_connectionName;
};
