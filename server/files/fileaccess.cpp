#include "fileaccess.h"

#include "filestore.h"
#include "hostlog.h"
#include "messagestore.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMessageAuthenticationCode>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSaveFile>

namespace {

constexpr qsizetype kSecretBytes = 32;
constexpr auto kSecretFile = "link-secret";

} // namespace

QByteArray FileAccess::secret()
{
    if (!m_secret.isEmpty())
        return m_secret;
    // Beside the history (the data directory), readable by the host's user only. Without a
    // data directory yet, a secret for this run alone.
    const QString files = m_files.directory();
    const QString path
            = files.isEmpty() ? QString()
                              : QFileInfo(files).dir().filePath(QString::fromLatin1(kSecretFile));
    if (QFile stored(path); !path.isEmpty() && stored.open(QIODevice::ReadOnly)) {
        m_secret = stored.read(kSecretBytes + 1);
        if (m_secret.size() == kSecretBytes)
            return m_secret;
    }
    m_secret.resize(kSecretBytes);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_secret.data()),
                                          kSecretBytes / sizeof(quint32));
    QSaveFile save(path);
    if (path.isEmpty() || !save.open(QIODevice::WriteOnly)
        || !save.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || save.write(m_secret) != kSecretBytes || !save.commit()) {
        qCWarning(lcHost).noquote() << "Members' file links will not survive a restart: cannot "
                                       "write"
                                    << path;
    }
    return m_secret;
}

QString FileAccess::keyFor(const QString &nameKey, const QString &memberId)
{
    // The same for the same member, after a restart of the host too, so links already shown
    // keep working; another member (another token under the name) has another key.
    const QString key
            = QString::fromLatin1(QMessageAuthenticationCode::hash(memberId.toUtf8(), secret(),
                                                                   QCryptographicHash::Sha256)
                                          .first(16)
                                          .toHex());
    QString &current = m_keys[nameKey];
    if (current != key) {
        m_readers.remove(current); // the name was someone else's
        current = key;
    }
    m_readers.insert(key, memberId);
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
