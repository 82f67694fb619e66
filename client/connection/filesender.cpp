#include "filesender.h"

#include "clientrequest.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>
#include <QtCore/QUuid>

using namespace Qt::StringLiterals;
using namespace Tertulia;

struct FileSender::Upload
{
    QString clientId;
    QString name;
    QString to;
    QString id; // the host's, once it accepted the offer
    QFile file;
    qint64 size = 0;
    qint64 sent = 0;
    qint64 acknowledged = 0;
    qint64 chunkBytes = 0;
    int window = 0;
};

FileSender::FileSender(SendText sendText, SendBinary sendBinary, QObject *parent)
    : QObject(parent), m_sendText(std::move(sendText)), m_sendBinary(std::move(sendBinary))
{ }

FileSender::~FileSender() = default;

QString FileSender::add(const QString &path, const QString &to, bool connected, QString *error)
{
    auto upload = std::make_shared<Upload>();
    upload->file.setFileName(path);
    if (!upload->file.open(QIODevice::ReadOnly) || upload->file.size() == 0) {
        *error = upload->file.size() == 0 && upload->file.isOpen()
                         ? tr("%1 is empty.").arg(QFileInfo(path).fileName())
                         : tr("Cannot read %1: %2").arg(path, upload->file.errorString());
        return {};
    }
    upload->clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    upload->name = QFileInfo(path).fileName();
    upload->to = to;
    upload->size = upload->file.size();
    m_uploads.append(upload);
    save();
    if (connected)
        offer(*upload);
    return upload->clientId;
}

void FileSender::cancel(const QString &clientId)
{
    Upload *upload = find(clientId);
    if (!upload)
        return;
    if (!upload->id.isEmpty())
        m_sendText(encodeFileCancel(upload->id));
    finished(clientId);
}

void FileSender::offerAll()
{
    for (const auto &upload : std::as_const(m_uploads))
        offer(*upload);
}

void FileSender::offer(const Upload &upload)
{
    m_sendText(encodeFileOffer(upload.name, upload.size, upload.clientId, upload.to, upload.id));
}

bool FileSender::owns(const QString &clientId) const
{
    return find(clientId) != nullptr;
}

void FileSender::accepted(const Events::FileAccepted &event)
{
    // Its answer to an offer (by client id), or the host saying where to go on from.
    Upload *upload = event.clientId.isEmpty() ? findUpload(event.upload) : find(event.clientId);
    if (!upload)
        return;
    if (upload->id != event.upload) {
        upload->id = event.upload;
        save(); // from now on it can go on from where the host is, after a restart too
    }
    upload->sent = upload->acknowledged = event.offset;
    upload->chunkBytes = std::max<qint64>(1, event.chunkBytes);
    upload->window = std::max(1, event.window);
    emit progress(upload->clientId, upload->acknowledged, upload->size);
    pump(*upload);
}

void FileSender::progressed(const Events::FileProgress &event)
{
    Upload *upload = findUpload(event.upload);
    if (!upload || event.received < upload->acknowledged)
        return;
    if (event.stage != Events::FileProgress::Stage::Receiving) {
        emit stage(upload->clientId, event.stage, event.ahead);
        return;
    }
    upload->acknowledged = event.received;
    emit progress(upload->clientId, upload->acknowledged, upload->size);
    pump(*upload);
}

void FileSender::pump(Upload &upload)
{
    while (upload.sent < upload.size
           && upload.sent - upload.acknowledged < upload.window * upload.chunkBytes) {
        if (!upload.file.seek(upload.sent))
            return;
        const QByteArray piece = upload.file.read(upload.chunkBytes);
        if (piece.isEmpty())
            return; // the file shrank underneath: the host will find it damaged
        m_sendBinary(FileChunk::encode(upload.id, upload.sent, piece));
        upload.sent += piece.size();
    }
}

void FileSender::finished(const QString &clientId)
{
    if (m_uploads.removeIf(
                [&](const std::shared_ptr<Upload> &upload) { return upload->clientId == clientId; })
        > 0)
        save();
}

QStringList FileSender::dropAll()
{
    QStringList dropped;
    for (const auto &upload : std::exchange(m_uploads, {}))
        dropped.append(upload->clientId);
    save();
    return dropped;
}

QList<FileSender::Kept> FileSender::keepIn(const QString &path)
{
    m_keptPath = path;
    QFile file(path);
    QList<Kept> restored;
    if (!file.open(QIODevice::ReadOnly))
        return restored;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject entry = value.toObject();
        const QString clientId = entry.value(u"clientId"_s).toString();
        auto upload = std::make_shared<Upload>();
        upload->file.setFileName(entry.value(u"path"_s).toString());
        upload->size = entry.value(u"size"_s).toInteger();
        if (clientId.isEmpty() || find(clientId) || upload->file.size() != upload->size
            || !upload->file.open(QIODevice::ReadOnly))
            continue; // known already, or not the same file any more
        upload->clientId = clientId;
        upload->name = entry.value(u"name"_s).toString();
        upload->to = entry.value(u"to"_s).toString();
        upload->id = entry.value(u"upload"_s).toString();
        m_uploads.append(upload);
        restored.append({upload->clientId, upload->name, upload->size, upload->to});
    }
    save();
    return restored;
}

void FileSender::save() const
{
    if (m_keptPath.isEmpty())
        return;
    if (m_uploads.isEmpty()) { // nothing going up: nothing kept
        QFile::remove(m_keptPath);
        return;
    }
    QJsonArray entries;
    for (const auto &upload : m_uploads) {
        entries.append(QJsonObject{{u"clientId"_s, upload->clientId},
                                   {u"path"_s, upload->file.fileName()},
                                   {u"name"_s, upload->name},
                                   {u"size"_s, upload->size},
                                   {u"to"_s, upload->to},
                                   {u"upload"_s, upload->id}});
    }
    QDir().mkpath(QFileInfo(m_keptPath).absolutePath());
    QSaveFile out(m_keptPath);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(entries).toJson(QJsonDocument::Compact));
        out.commit();
    }
}

FileSender::Upload *FileSender::find(const QString &clientId) const
{
    for (const auto &upload : m_uploads) {
        if (upload->clientId == clientId)
            return upload.get();
    }
    return nullptr;
}

FileSender::Upload *FileSender::findUpload(const QString &uploadId) const
{
    for (const auto &upload : m_uploads) {
        if (upload->id == uploadId)
            return upload.get();
    }
    return nullptr;
}
