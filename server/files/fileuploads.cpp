#include "fileuploads.h"

#include "hostlog.h"
#include "messagestore.h"
#include "monotonicclock.h"
#include "roomconnections.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QStorageInfo>
#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Tertulia;
using MonotonicClock::nowMs;

namespace {

// A picture by its first bytes, never by its name or declared type.
QString pictureFormat(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return u"png"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"jpeg"_s;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return u"gif"_s;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return u"webp"_s;
    return {};
}

#if defined(__SANITIZE_ADDRESS__)
// A decoder built with AddressSanitizer reserves terabytes of address space for its shadow.
constexpr bool kCapAddressSpace = false;
#else
constexpr bool kCapAddressSpace = true;
#endif

ProtocolError notStored()
{
    return {ErrorCode::StorageFailed,
            FileUploads::tr("The host could not store your file; nothing was stored.")};
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', bytes < 10 * 1024 * 1024 ? 1 : 0);
}

} // namespace

FileUploads::FileUploads(MessageStore &store, RoomConnections &connections,
                         const HostSettings &settings, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_connections(connections),
      m_limits(settings.limits),
      m_dataDirectory(settings.dataDirectory),
      m_pictureTool(settings.pictureTool)
{
    m_checks.setMaxThreadCount(1);
}

FileUploads::~FileUploads()
{
    m_stopping = true;
    m_checks.waitForDone();
}

bool FileUploads::open(QString *errorString)
{
    if (!m_files.open(m_dataDirectory)) {
        *errorString = m_files.errorString();
        return false;
    }
    if (!m_ledger.open(m_store.connectionName())) {
        *errorString = tr("Cannot keep track of uploads in %1.").arg(m_store.filePath());
        return false;
    }
    if (m_pictureTool.isEmpty() || !QFileInfo(m_pictureTool).isExecutable())
        qCWarning(lcHost).noquote() << "No picture decoder (tertulia-picture) at" << m_pictureTool
                                    << "- pictures are offered as downloads only";
    sweep();
    return true;
}

std::optional<ProtocolError> FileUploads::refusal(const Sender &sender, qint64 size)
{
    if (size > m_limits.maxFileBytes || size > m_limits.maxFilesBytes) {
        const qint64 limit = std::min(m_limits.maxFileBytes, m_limits.maxFilesBytes);
        return ProtocolError{
                ErrorCode::FileTooBig,
                tr("Files can be at most %1 MB here; nothing was stored.").arg(megabytes(limit))};
    }
    // Read once: the ledger is a query, the disk a system call.
    Unfinished going = unfinished(sender);
    if (!diskHasRoomFor(size, going.total)
        && (dropAbandoned() == 0 || !diskHasRoomFor(size, (going = unfinished(sender)).total))) {
        return ProtocolError{ErrorCode::DiskFull,
                             tr("The host's disk has no room for %1 MB more; nothing was stored.")
                                     .arg(megabytes(size))};
    }
    if (uploadsOf(sender.key) >= kMaxPerMember) {
        return ProtocolError{
                ErrorCode::TooManyUploads,
                tr("You are sending %1 files already; wait for one to finish.").arg(kMaxPerMember)};
    }
    // What one member, one address and everyone together may have on its way at once: a
    // sender who stops halfway holds no more than this.
    if (going.member + size > m_limits.maxFileBytes) {
        return ProtocolError{ErrorCode::TooManyUploads,
                             tr("Your files on their way would pass %1 MB together; wait for one "
                                "to finish.")
                                     .arg(megabytes(m_limits.maxFileBytes))};
    }
    if (going.address + size > kAddressShare * m_limits.maxFileBytes
        || going.total + size > m_limits.maxFilesBytes) {
        return ProtocolError{ErrorCode::TooManyUploads,
                             tr("The host is receiving as much as it takes at once; wait a "
                                "little and send it again.")};
    }
    return std::nullopt;
}

FileUploads::Unfinished FileUploads::unfinished(const Sender &sender)
{
    Unfinished going;
    for (const Active &active : m_active) {
        if (active.finishing)
            continue;
        const qint64 left = active.record.size - active.received;
        going.total += left;
        if (!sender.key.isEmpty() && active.record.ownerKey == sender.key)
            going.member += left;
        if (!active.address.isNull() && active.address == sender.address)
            going.address += left;
    }
    // Uploads of an earlier run nobody went on with yet still hold their part's place.
    for (const UploadRecord &record : m_ledger.all()) {
        if (!m_active.contains(record.id))
            going.total += std::max<qint64>(0, record.size - m_files.partSize(record.id));
    }
    return going;
}

bool FileUploads::diskHasRoomFor(qint64 size, qint64 reserved) const
{
    // Files stop at twice what the chat stops at: between the two only messages are stored,
    // so the room goes on talking when files are refused.
    const QStorageInfo disk(m_files.directory());
    if (!disk.isValid())
        return true;
    return disk.bytesAvailable() - reserved - size >= 2 * m_limits.minFreeDiskBytes;
}

int FileUploads::dropAbandoned()
{
    QStringList abandoned;
    const qint64 now = nowMs();
    for (const Active &active : std::as_const(m_active)) {
        if (!active.finishing && !active.socket && active.awaySinceMs >= 0
            && now - active.awaySinceMs >= kShortDiskGraceMs)
            abandoned.append(active.record.id);
    }
    for (const UploadRecord &record : m_ledger.all()) {
        if (!m_active.contains(record.id)) // of an earlier run: its sender never came back
            abandoned.append(record.id);
    }
    if (!abandoned.isEmpty())
        qCInfo(lcHost).noquote() << "The disk is short:" << abandoned.size()
                                 << "unfinished uploads whose senders are away are given up";
    for (const QString &id : std::as_const(abandoned))
        forget(id);
    return int(abandoned.size());
}

bool FileUploads::ownedBy(const UploadRecord &upload, const Sender &sender)
{
    // Its id is the secret (unguessable, and only its sender was told it): the program that
    // sent it may go on under the same name after starting again, as a new member.
    return !sender.key.isEmpty() && upload.ownerKey == sender.key;
}

void FileUploads::offer(const Sender &sender, const Requests::FileOffer &offer,
                        const MessageStore::Direct &direct)
{
    if (!offer.upload.isEmpty()) { // going on with an upload
        if (!m_active.contains(offer.upload)) {
            if (std::optional<UploadRecord> record = m_ledger.find(offer.upload))
                m_active.insert(record->id,
                                {*record, std::max<qint64>(0, m_files.partSize(record->id))});
        }
        const auto active = m_active.find(offer.upload);
        if (active == m_active.end() || !ownedBy(active->record, sender)
            || active->record.size != offer.size || active->finishing) {
            m_connections.sendError(sender.socket,
                                    {ErrorCode::UploadUnknown,
                                     tr("That upload is no longer on the host; send the file "
                                        "again.")},
                                    offer.clientId);
            return;
        }
        active->socket = sender.socket;
        active->address = sender.address;
        active->record.ownerMember = sender.member; // whose direct message it will be
        active->awaySinceMs = -1;
        accept(*active, offer.clientId);
        if (active->received == active->record.size)
            finish(active->record.id); // stored whole before the host stopped
        else
            announceProgress(*active, false); // going again
        return;
    }
    if (auto problem = refusal(sender, offer.size)) {
        m_connections.sendError(sender.socket, *problem, offer.clientId);
        return;
    }
    UploadRecord record{FileStore::newId(),  sender.name,
                        sender.key,          offer.fileName,
                        offer.size,          offer.sha256,
                        offer.clientId,      direct.recipient,
                        direct.recipientKey, QDateTime::currentDateTimeUtc(),
                        sender.member,       direct.recipientMember};
    QFile part(m_files.partPath(record.id));
    if (!part.open(QIODevice::WriteOnly) || !m_ledger.add(record)) {
        part.remove();
        m_connections.sendError(sender.socket, notStored(), offer.clientId);
        return;
    }
    qCDebug(lcHost).noquote() << sender.name << "is sending a file of" << offer.size << "bytes";
    Active &active = m_active[record.id];
    active = {record, 0, sender.socket, sender.address};
    accept(active, offer.clientId);
    announceProgress(active, false);
}

void FileUploads::accept(Active &active, const QString &clientId)
{
    active.resyncedAt = active.received;
    m_connections.deliver(active.socket,
                          ServerEvents::fileAccepted({clientId, active.record.id, active.received,
                                                      kChunkBytes, kWindow}));
}

void FileUploads::chunk(const Sender &sender, const QByteArray &frame)
{
    const std::optional<FileChunk::Decoded> chunk = FileChunk::decode(frame);
    const auto active = chunk ? m_active.find(chunk->upload) : m_active.end();
    if (active == m_active.end() || !ownedBy(active->record, sender) || active->finishing) {
        // Refused at the rate of any frame: a stream of them is a flood, cut off as one.
        m_connections.refuseBinary(sender.socket,
                                   {ErrorCode::UploadUnknown,
                                    tr("A piece of a file arrived for no upload of yours.")});
        return;
    }
    active->socket = sender.socket;
    if (chunk->offset != active->received) {
        // Pieces already on their way when an earlier one was refused: said once, from where.
        // Each is charged at the rate of any frame, so strays cannot be sent for free.
        if (m_connections.admitStray(sender.socket) && active->resyncedAt != active->received)
            accept(*active, {});
        return;
    }
    if (chunk->bytes.isEmpty() || chunk->bytes.size() > kChunkBytes
        || active->received + chunk->bytes.size() > active->record.size) {
        fail(active->record.id, {ErrorCode::FileDamaged,
                                 tr("More bytes arrived than the file offered has; nothing was "
                                    "stored.")});
        return;
    }
    if (!m_files.appendToPart(active->record.id, chunk->offset, chunk->bytes)) {
        fail(active->record.id, notStored());
        return;
    }
    active->received += chunk->bytes.size();
    qint64 delayMs = 0;
    if (m_limits.uploadBytesPerSecond > 0) {
        // Over the rate, the acknowledgement waits: the sender, holding at most a window of
        // unacknowledged pieces, slows down to it.
        auto bucket = m_rates.find(sender.key);
        if (bucket == m_rates.end())
            bucket = m_rates.insert(sender.key, TokenBucket(double(m_limits.uploadBytesPerSecond),
                                                            double(m_limits.uploadBytesPerSecond)));
        bucket->spend(nowMs(), double(chunk->bytes.size()));
        const double owed = -bucket->available(nowMs());
        if (owed > 0)
            delayMs = qint64(owed * 1000 / double(m_limits.uploadBytesPerSecond));
    }
    acknowledge(active->record.id, active->received, delayMs);
    if (active->received == active->record.size)
        finish(active->record.id);
    else if (nowMs() - active->announcedMs >= kAnnounceIntervalMs)
        announceProgress(*active, false);
}

void FileUploads::acknowledge(const QString &uploadId, qint64 received, qint64 delayMs)
{
    const auto send = [this, uploadId, received] {
        const auto active = m_active.constFind(uploadId);
        if (active != m_active.constEnd() && active->socket)
            m_connections.deliver(active->socket, ServerEvents::fileProgress({uploadId, received}));
    };
    if (delayMs <= 0)
        send();
    else
        QTimer::singleShot(int(std::min<qint64>(delayMs, 10'000)), this, send);
}

void FileUploads::announceProgress(Active &active, bool ended)
{
    active.announcedMs = nowMs();
    const UploadRecord &record = active.record;
    emit announce({record.id, record.owner, record.fileName, record.size, active.received,
                   record.recipient, ended});
}

void FileUploads::cancel(const Sender &sender, const QString &uploadId)
{
    const auto active = m_active.find(uploadId);
    if (active != m_active.end() && ownedBy(active->record, sender) && !active->finishing) {
        announceProgress(*active, true);
        forget(uploadId);
        return;
    }
    std::optional<UploadRecord> record = m_ledger.find(uploadId);
    if (record && ownedBy(*record, sender))
        forget(uploadId);
}

void FileUploads::disconnected(QWebSocket *socket)
{
    for (Active &active : m_active) {
        if (active.socket != socket)
            continue;
        active.socket = nullptr;
        active.awaySinceMs = nowMs();
        // Not going now: the others stop showing it until its sender goes on with it.
        if (!active.finishing)
            announceProgress(active, true);
    }
}

void FileUploads::finish(const QString &uploadId)
{
    Active &active = m_active[uploadId];
    active.finishing = true;
    m_files.closePart(uploadId);
    // Hashing 2 GB takes seconds: on a thread of its own, the room goes on meanwhile.
    const QString path = m_files.partPath(uploadId);
    const bool hash = !active.record.sha256.isEmpty();
    m_checks.start([this, self = QPointer<FileUploads>(this), uploadId, path, hash] {
        Checked result;
        QFile file(path);
        result.readable = file.open(QIODevice::ReadOnly);
        result.pictureFormat = pictureFormat(file.peek(16));
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        while (hash && result.readable && !file.atEnd() && !m_stopping) {
            const QByteArray block = file.read(1024 * 1024);
            result.readable = !block.isEmpty();
            sha256.addData(block);
        }
        result.sha256 = QString::fromLatin1(sha256.result().toHex());
        if (!m_stopping) // the room waits for this before it goes
            QMetaObject::invokeMethod(
                    this, [this, uploadId, result] { checked(uploadId, result); },
                    Qt::QueuedConnection);
    });
}

void FileUploads::checked(const QString &uploadId, const Checked &result)
{
    const auto active = m_active.constFind(uploadId);
    if (active == m_active.constEnd())
        return;
    if (!result.readable) {
        fail(uploadId, {ErrorCode::StorageFailed,
                        tr("The host could not read your file back; nothing was stored.")});
        return;
    }
    if (!active->record.sha256.isEmpty() && result.sha256 != active->record.sha256) {
        fail(uploadId, {ErrorCode::FileDamaged,
                        tr("The file arrived damaged (its SHA-256 differs); nothing was stored. "
                           "Send it again.")});
        return;
    }
    const QString fileId = FileStore::newId();
    if (!result.pictureFormat.isEmpty() && QFileInfo(m_pictureTool).isExecutable()) {
        makePicture(uploadId, fileId);
        return;
    }
    if (!m_files.promote(uploadId, fileId)) {
        fail(uploadId, notStored());
        return;
    }
    store(uploadId,
          {fileId, active->record.fileName, active->record.size, u"application/octet-stream"_s});
}

void FileUploads::makePicture(const QString &uploadId, const QString &fileId)
{
    m_decoding.insert(fileId);
    m_pictureLine.append({uploadId, fileId});
    decodeNext();
}

void FileUploads::decodeNext()
{
    while (m_decoders < kMaxDecoders && !m_pictureLine.isEmpty()) {
        const auto [uploadId, fileId] = m_pictureLine.takeFirst();
        if (m_active.contains(uploadId))
            runDecoder(uploadId, fileId);
        else
            m_decoding.remove(fileId); // given up while it waited
    }
    // Whoever still waits is told where they stand, not left with silence.
    for (qsizetype ahead = 0; ahead < m_pictureLine.size(); ++ahead)
        tellStage(m_pictureLine.at(ahead).first, Events::FileProgress::Stage::Waiting, int(ahead));
}

void FileUploads::tellStage(const QString &uploadId, Events::FileProgress::Stage stage, int ahead)
{
    const auto active = m_active.constFind(uploadId);
    if (active != m_active.constEnd() && active->socket)
        m_connections.deliver(
                active->socket,
                ServerEvents::fileProgress({uploadId, active->record.size, stage, ahead}));
}

void FileUploads::runDecoder(const QString &uploadId, const QString &fileId)
{
    // In a process of its own, kMaxDecoders at a time for the whole host, each within
    // kDecoderAddressSpace: a picture that decodes into gigabytes, or crashes the decoder,
    // costs that process alone, and a crowd of them waits its turn.
    ++m_decoders;
    tellStage(uploadId, Events::FileProgress::Stage::Processing);
    auto *decoder = new QProcess(this);
    decoder->setProcessChannelMode(QProcess::SeparateChannels);
    if (kCapAddressSpace) {
        decoder->setChildProcessModifier([] {
            const rlimit limit{kDecoderAddressSpace, kDecoderAddressSpace};
            setrlimit(RLIMIT_AS, &limit); // between fork and exec: async-signal-safe calls only
        });
    }
    QTimer::singleShot(kPictureTimeoutMs, decoder, &QProcess::kill);
    connect(decoder, &QProcess::finished, this,
            [this, decoder, uploadId, fileId](int exitCode, QProcess::ExitStatus status) {
                decoder->deleteLater();
                --m_decoders;
                m_decoding.remove(fileId);
                decoded(uploadId, fileId, status == QProcess::NormalExit && exitCode == 0,
                        decoder->readAllStandardOutput(), decoder->readAllStandardError());
                decodeNext();
            });
    decoder->start(m_pictureTool, {m_files.partPath(uploadId), m_files.path(fileId),
                                   m_files.thumbnailPath(fileId)});
}

void FileUploads::decoded(const QString &uploadId, const QString &fileId, bool succeeded,
                          const QByteArray &output, const QByteArray &errors)
{
    const QJsonObject result = QJsonDocument::fromJson(output).object();
    const auto active = m_active.constFind(uploadId);
    if (active == m_active.constEnd()) {
        m_files.removeFile(fileId);
        return;
    }
    if (!succeeded || result.isEmpty()) {
        qCInfo(lcHost).noquote() << "Refused a picture:" << QString::fromUtf8(errors).trimmed();
        m_files.removeFile(fileId);
        fail(uploadId, {ErrorCode::PictureUnreadable,
                        tr("That picture cannot be read, or is larger than the host shows (64 "
                           "megapixels); nothing was stored.")});
        return;
    }
    m_files.removePart(uploadId);
    const QString name = active->record.fileName;
    store(uploadId,
          {fileId, name, QFileInfo(m_files.path(fileId)).size(), result.value(u"type"_s).toString(),
           result.value(u"width"_s).toInt(), result.value(u"height"_s).toInt()});
}

void FileUploads::store(const QString &uploadId, const StoredFile &file)
{
    Active active = m_active.take(uploadId);
    m_ledger.remove(uploadId);
    announceProgress(active, true);
    emit fileReady(active.record, file);
    enforceCap();
}

void FileUploads::fail(const QString &uploadId, const ProtocolError &error)
{
    const auto active = m_active.find(uploadId);
    if (active == m_active.end())
        return;
    if (active->socket)
        m_connections.sendError(active->socket, error, active->record.clientId);
    announceProgress(*active, true);
    forget(uploadId);
}

void FileUploads::forget(const QString &uploadId)
{
    m_files.removePart(uploadId);
    m_ledger.remove(uploadId);
    m_active.remove(uploadId);
}

int FileUploads::uploadsOf(const QString &ownerKey) const
{
    return int(std::count_if(m_active.begin(), m_active.end(), [&ownerKey](const Active &active) {
        return active.record.ownerKey == ownerKey;
    }));
}

void FileUploads::enforceCap()
{
    while (m_store.fileBytes() > m_limits.maxFilesBytes) {
        const QStringList pruned = m_store.pruneOldestFiles(1);
        if (pruned.isEmpty())
            return;
        for (const QString &file : pruned)
            m_files.removeFile(file);
    }
}

void FileUploads::sweep()
{
    enforceCap();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> unfinished;
    for (const UploadRecord &upload : m_ledger.all()) {
        const bool going = m_active.contains(upload.id) && m_active[upload.id].finishing;
        if (!going && upload.startedAt.msecsTo(now) > kPartGraceMs) {
            m_active.remove(upload.id);
            forget(upload.id);
        } else {
            unfinished.insert(upload.id);
        }
    }
    for (const QString &part : m_files.partIdsOnDisk()) {
        if (!unfinished.contains(part))
            m_files.removePart(part); // its record never made it, or it was given up
    }
    const std::optional<QSet<QString>> carried = m_store.fileIds();
    if (!carried)
        return; // never delete a file because the history could not be read
    for (const QString &file : m_files.fileIdsOnDisk()) {
        if (!carried->contains(file) && !m_decoding.contains(file))
            m_files.removeFile(file);
    }
}
