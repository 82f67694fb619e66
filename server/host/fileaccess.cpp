#include "fileaccess.h"

#include "filestore.h"
#include "messagestore.h"

QString FileAccess::keyFor(const QString &nameKey, const QString &memberId)
{
    QString &key = m_keys[nameKey];
    if (!key.isEmpty() && m_readers.value(key) != memberId) {
        m_readers.remove(key); // the name is someone else's now
        key.clear();
    }
    if (key.isEmpty()) {
        key = FileStore::newId();
        m_readers.insert(key, memberId);
    }
    return key;
}

void FileAccess::revoke(const QString &nameKey)
{
    m_readers.remove(m_keys.take(nameKey));
}

std::optional<FileDownload::Found> FileAccess::find(const QString &fileId, const QString &key,
                                                    bool thumbnail) const
{
    const QString reader = m_readers.value(key);
    if (reader.isEmpty() || !FileStore::isId(fileId))
        return std::nullopt;
    const std::optional<MessageStore::FileReaders> found = m_store.fileReaders(fileId);
    if (!found
        || (found->direct && reader != found->senderMember && reader != found->recipientMember))
        return std::nullopt;
    const bool picture = found->file.type.startsWith(QLatin1StringView("image/"));
    if (thumbnail && !picture)
        return std::nullopt;
    // A thumbnail's type is judged by its bytes (JPEG or PNG) as it is served.
    return FileDownload::Found{thumbnail ? m_files.thumbnailPath(fileId) : m_files.path(fileId),
                               thumbnail ? QString() : found->file.type, found->file.name, picture};
}
