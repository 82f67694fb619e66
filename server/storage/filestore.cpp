#include "filestore.h"

#include "storagelog.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto kPartSuffix = ".part"_L1;
const auto kThumbnailSuffix = ".thumb"_L1;

} // namespace

FileStore::FileStore() = default;
FileStore::~FileStore() = default;

bool FileStore::open(const QString &dataDirectory)
{
    m_directory = QDir(dataDirectory).absoluteFilePath(u"files"_s);
    if (!QDir().mkpath(m_directory)) {
        m_errorString = tr("Cannot create the files directory %1.").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

QString FileStore::path(const QString &fileId) const
{
    Q_ASSERT(isId(fileId));
    return m_directory + u'/' + fileId;
}

QString FileStore::thumbnailPath(const QString &fileId) const
{
    return path(fileId) + kThumbnailSuffix;
}

QString FileStore::partPath(const QString &uploadId) const
{
    return path(uploadId) + kPartSuffix;
}

qint64 FileStore::partSize(const QString &uploadId) const
{
    const QFileInfo info(partPath(uploadId));
    return info.exists() ? info.size() : -1;
}

bool FileStore::appendToPart(const QString &uploadId, qint64 offset, QByteArrayView bytes)
{
    std::shared_ptr<QFile> &file = m_openParts[uploadId];
    if (!file) {
        file = std::make_shared<QFile>(partPath(uploadId));
        // Unbuffered: each chunk goes straight to the operating system, nothing waits in Qt.
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            qCWarning(lcStorage).noquote() << file->fileName() << file->errorString();
            m_openParts.remove(uploadId);
            return false;
        }
    }
    if (file->size() != offset)
        return false;
    if (file->write(bytes.data(), bytes.size()) != bytes.size()) {
        qCWarning(lcStorage).noquote() << file->fileName() << file->errorString();
        file->resize(offset); // nothing half-written is ever counted as received
        return false;
    }
    return true;
}

void FileStore::closePart(const QString &uploadId)
{
    m_openParts.remove(uploadId);
}

bool FileStore::promote(const QString &uploadId, const QString &fileId)
{
    closePart(uploadId);
    QFile::remove(path(fileId));
    return QFile::rename(partPath(uploadId), path(fileId));
}

void FileStore::removeFile(const QString &fileId)
{
    QFile::remove(path(fileId));
    QFile::remove(thumbnailPath(fileId));
}

void FileStore::removePart(const QString &uploadId)
{
    closePart(uploadId);
    QFile::remove(partPath(uploadId));
}

QStringList FileStore::fileIdsOnDisk() const
{
    QStringList ids = QDir(m_directory).entryList(QDir::Files);
    ids.removeIf([](const QString &name) { return !isId(name); });
    return ids;
}

QStringList FileStore::partIdsOnDisk() const
{
    QStringList ids;
    for (const QString &name : QDir(m_directory).entryList({u"*.part"_s}, QDir::Files)) {
        const QString id = name.chopped(kPartSuffix.size());
        if (isId(id))
            ids.append(id);
    }
    return ids;
}

bool FileStore::isId(const QString &id)
{
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

QString FileStore::newId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}
