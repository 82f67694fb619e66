#pragma once

#include "filedownload.h"

#include <QtCore/QHash>
#include <QtCore/QString>

#include <optional>

class FileStore;
class MessageStore;

// Who may read which file. Each member has a file key, valid from when they join until they
// leave (or are removed), which the clients add to file links; the same for the same member
// after a restart of the host (an HMAC of the member with a secret kept in the data directory),
// so links already shown keep working; room files are readable by
// every member, a direct message's file by its two parties (members, not names: a newcomer who
// takes a name someone let go reads none of their files), anything else not at all.
class FileAccess final
{
public:
    FileAccess(MessageStore &store, const FileStore &files) : m_store(store), m_files(files) { }

    // The key of the member under the name (nameKey), made if it has none.
    QString keyFor(const QString &nameKey, const QString &memberId);
    void revoke(const QString &nameKey); // whoever had the name: their links stop working
    // The file (or a picture's thumbnail) `fileId` for the bearer of `key`; nothing if it does
    // not exist or they may not read it.
    std::optional<FileDownload::Found> find(const QString &fileId, const QString &key,
                                            bool thumbnail) const;

private:
    MessageStore &m_store;
    const FileStore &m_files;
    QHash<QString, QString> m_readers; // file key -> the member (MemberRegistry::memberIdOf)
    QHash<QString, QString> m_keys; // name key -> file key
    QByteArray secret(); // made and kept on first use
    QByteArray m_secret;
};
