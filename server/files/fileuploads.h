#pragma once

#include "clientrequest.h"
#include "filestore.h"
#include "hostsettings.h"
#include "messagestore.h"
#include "serverevent.h"
#include "storedmessage.h"
#include "tokenbucket.h"
#include "uploadledger.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QThreadPool>
#include <QtNetwork/QHostAddress>

#include <atomic>

#include <sys/resource.h>

class MessageStore;
class RoomConnections;
class QWebSocket;

// Files sent into the room over members' WebSockets: an offer is accepted (or refused, saying
// why) with an upload id; binary frames then carry the bytes at their offsets, each stored and
// acknowledged, at most FileUploads::kWindow ahead; an upload that stops — a dropped
// connection, a reload, a restart of the host — goes on from what was stored. A finished file
// is checked (size, SHA-256), judged by its bytes, and, if a picture, re-encoded by
// tertulia-picture in its own process; then fileReady() hands it to the room.
class FileUploads final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kChunkBytes = 256 * 1024;
    static constexpr int kWindow = 4;
    static constexpr int kMaxPerMember = 3; // uploads going at once
    static constexpr qint64 kPartGraceMs = 24 * 3600 * 1000; // an unfinished upload waits
    // ...unless the disk is short: then an upload whose sender has been away this long goes.
    static constexpr qint64 kShortDiskGraceMs = 30'000;
    // Bytes on their way at once: a member up to --max-file-size, an address twice that,
    // everyone together up to --files-cap.
    static constexpr qint64 kAddressShare = 2;
    static constexpr int kAnnounceIntervalMs = 500; // others see progress this often
    static constexpr int kPictureTimeoutMs = 30'000; // from when its decoder starts
    static constexpr int kMaxDecoders = 2; // pictures decoded at once, for the whole host
    // Each decoder's address space: twice what one picture at the decoder's own allocation
    // limit (256 MB) takes, so only a bomb or a decoder bug meets it (docs/DESIGN.md).
    static constexpr rlim_t kDecoderAddressSpace = 512 * 1024 * 1024;

    FileUploads(MessageStore &store, RoomConnections &connections, const HostSettings &settings,
                QObject *parent = nullptr);
    ~FileUploads() override;

    // Opens the files directory and the uploads table, and clears what nothing owns.
    bool open(QString *errorString);
    const FileStore &files() const { return m_files; }

    struct Sender
    {
        QWebSocket *socket = nullptr;
        QString name;
        QString key; // the name's uniqueness key
        QHostAddress address;
        QString member; // MemberRegistry::memberIdOf: only this member goes on with its uploads
    };
    // recipient: a direct message's file, spelled as the room spells the member.
    // direct: the message that will carry the file is to one member (empty: to the room).
    void offer(const Sender &sender, const Tertulia::Requests::FileOffer &offer,
               const MessageStore::Direct &direct);
    void chunk(const Sender &sender, const QByteArray &frame);
    void cancel(const Sender &sender, const QString &uploadId);
    void disconnected(QWebSocket *socket); // its uploads wait for their sender to come back
    // Deletes files no message carries any more (retention pruned them), unfinished uploads
    // past their grace, and the oldest files while the room keeps more than it may.
    void sweep();

signals:
    // Stored and checked: the room posts the message that carries it.
    void fileReady(const UploadRecord &upload, const StoredFile &file);
    // Started, moving, ended: what the others see of an upload.
    void announce(const Tertulia::Events::Upload &event);

private:
    static bool ownedBy(const UploadRecord &upload, const Sender &sender);
    struct Active
    {
        UploadRecord record;
        qint64 received = 0;
        QWebSocket *socket = nullptr; // its sender's connection now; nullptr while away
        QHostAddress address; // its sender's, when it was offered in this run
        qint64 awaySinceMs = -1; // while its sender is away: since when (monotonic)
        qint64 announcedMs = 0;
        qint64 resyncedAt = -1; // told where to go on from: later strays are dropped quietly
        bool finishing = false;
    };
    struct Checked // what the bytes turned out to be
    {
        QString sha256;
        QString pictureFormat; // png, jpeg, gif or webp by the magic numbers; empty if none
        bool readable = true;
    };

    std::optional<Tertulia::ProtocolError> refusal(const Sender &sender, qint64 size);
    // Bytes accepted but not yet received: reserved on the disk until they come or expire.
    struct Unfinished
    {
        qint64 total = 0;
        qint64 member = 0; // of the sender asking
        qint64 address = 0; // from the sender's address
    };
    Unfinished unfinished(const Sender &sender);
    // Beyond `reserved` (unfinished().total) and the chat's reserve.
    bool diskHasRoomFor(qint64 size, qint64 reserved) const;
    int dropAbandoned(); // uploads whose sender is away past kShortDiskGraceMs
    void accept(Active &active, const QString &clientId);
    void acknowledge(const QString &uploadId, qint64 received, qint64 delayMs);
    void announceProgress(Active &active, bool ended);
    void finish(const QString &uploadId);
    void checked(const QString &uploadId, const Checked &result);
    void makePicture(const QString &uploadId, const QString &fileId); // in line for a decoder
    void decodeNext();
    void runDecoder(const QString &uploadId, const QString &fileId);
    void decoded(const QString &uploadId, const QString &fileId, bool succeeded,
                 const QByteArray &output, const QByteArray &errors);
    void tellStage(const QString &uploadId, Tertulia::Events::FileProgress::Stage stage,
                   int ahead = 0);
    void store(const QString &uploadId, const StoredFile &file);
    void fail(const QString &uploadId, const Tertulia::ProtocolError &error);
    void forget(const QString &uploadId); // part, record and memory
    void enforceCap(); // the oldest files go, with their messages, while over --files-cap
    int uploadsOf(const QString &ownerKey) const;

    MessageStore &m_store;
    RoomConnections &m_connections;
    HostLimits m_limits;
    QString m_dataDirectory;
    QString m_pictureTool;
    FileStore m_files;
    UploadLedger m_ledger;
    QHash<QString, Active> m_active; // by upload id: every unfinished upload of this run
    QSet<QString> m_decoding; // file ids tertulia-picture is writing or will write
    QList<std::pair<QString, QString>> m_pictureLine; // upload and file ids waiting to decode
    int m_decoders = 0; // running
    QHash<QString, TokenBucket> m_rates; // bytes a member may upload, by name key
    std::atomic_bool m_stopping = false;
    QThreadPool m_checks; // hashing a large file must not stall the room
};
