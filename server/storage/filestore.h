#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QStringList>

#include <memory>

class QFile;

// The bytes of the room's files, in DATA_DIR/files: "<id>" as served, "<id>.thumb" a
// picture's thumbnail, "<upload>.part" an upload so far. Ids are hex (checked), so no name
// from the network ever reaches a path.
class FileStore final
{
    Q_DECLARE_TR_FUNCTIONS(FileStore)

public:
    FileStore();
    ~FileStore();

    bool open(const QString &dataDirectory); // creates the directory; errorString() if not
    QString errorString() const { return m_errorString; }
    QString directory() const { return m_directory; }

    QString path(const QString &fileId) const;
    QString thumbnailPath(const QString &fileId) const;
    QString partPath(const QString &uploadId) const;
    // Bytes stored of an upload; -1 if it has no part file.
    qint64 partSize(const QString &uploadId) const;
    // Appends at `offset`, which must be the part's size. Written to the operating system
    // before it returns: a host killed after acknowledging it keeps it.
    bool appendToPart(const QString &uploadId, qint64 offset, QByteArrayView bytes);
    void closePart(const QString &uploadId);
    // The finished upload becomes the file `fileId`.
    bool promote(const QString &uploadId, const QString &fileId);
    void removeFile(const QString &fileId);
    void removePart(const QString &uploadId);
    QStringList fileIdsOnDisk() const;
    QStringList partIdsOnDisk() const;

    static bool isId(const QString &id); // 32 lowercase hex digits
    static QString newId();

private:
    QString m_directory;
    QString m_errorString;
    QHash<QString, std::shared_ptr<QFile>> m_openParts;
};
