#include "filesender.h"

#include "clientpayload.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
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
    upload->id = event.upload;
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
    m_uploads.removeIf(
            [&](const std::shared_ptr<Upload> &upload) { return upload->clientId == clientId; });
}

QStringList FileSender::dropAll()
{
    QStringList dropped;
    for (const auto &upload : std::exchange(m_uploads, {}))
        dropped.append(upload->clientId);
    return dropped;
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
