#include "chathost.h"

#include "chatroom.h"
#include "clientrequest.h"
#include "connectionsorter.h"
#include "filedownload.h"
#include "hostlog.h"
#include "memorytrimmer.h"
#include "messagestore.h"
#include "pageroutes.h"
#include "passwordfile.h"
#include "peeraddress.h"
#include "redisroom.h"
#include "requesthead.h"
#include "retentionscheduler.h"
#include "roomannouncer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>
#include <QtHttpServer/QHttpServer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace Qt::StringLiterals;

namespace {

// Beside the running program as installed; the build's own when run from the build tree (the
// tests). TERTULIA_PICTURE_TOOL overrides both.
QString defaultPictureTool()
{
    const QString given = qEnvironmentVariable("TERTULIA_PICTURE_TOOL");
    if (!given.isEmpty())
        return given;
    const QString beside = QCoreApplication::applicationDirPath() + u"/tertulia-picture"_s;
#ifdef TERTULIA_BUILT_PICTURE_TOOL
    if (!QFileInfo(beside).isExecutable())
        return QStringLiteral(TERTULIA_BUILT_PICTURE_TOOL);
#endif
    return beside;
}

} // namespace

ChatHost::ChatHost(QObject *parent)
    : QObject(parent),
      m_http(new QHttpServer(this)),
      m_webSockets(new QWebSocketServer(u"Tertulia"_s, QWebSocketServer::NonSecureMode, this))
{
    PageRoutes::install(
            *m_http,
            [this](const QHostAddress &visitor) {
                m_visitors.insert(PeerAddress::plain(visitor));
                emit reachChanged();
            },
            [this] { return summaryJson(); });
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ChatHost::onWebSocketReady);
    quint64 key[2];
    QRandomGenerator::system()->fillRange(key);
    m_hostKey = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key), sizeof key)
                                            .toBase64(QByteArray::Base64UrlEncoding));
}

ChatHost::~ChatHost()
{
    // The room and its sockets go before the store they write to.
    delete m_room;
}

bool ChatHost::shareRoom()
{
    const std::optional<RedisAddress> address
            = RedisAddress::parse(m_settings.redisUrl, &m_errorString);
    if (!address)
        return false;
    const RetentionPolicy &retention = m_settings.retention;
    const qint64 keep
            = retention.kind == RetentionPolicy::Kind::LastMessages ? retention.amount : 1'000'000;
    auto *shared = new RedisRoom(*address, keep, this);
    m_room->share(shared); // before it opens: what it catches up on is kept here too
    return shared->open(m_store->lastId(), &m_errorString);
}

bool ChatHost::start(const HostSettings &settings)
{
    Q_ASSERT_X(!m_room, "ChatHost::start", "a host starts once");
    m_settings = settings;
    if (m_settings.pictureTool.isEmpty())
        m_settings.pictureTool = defaultPictureTool();
    m_store = std::make_unique<MessageStore>();
    if (!m_store->open(settings.dataDirectory)) {
        m_failure = Failure::History;
        m_errorString = m_store->errorString();
        m_store.reset();
        return false;
    }
    // Better not to open to everyone a room its host closed with a password.
    const std::optional<RoomPassword> savedPassword
            = PasswordFile::load(settings.dataDirectory, &m_errorString);
    if (!savedPassword) {
        m_failure = Failure::History;
        return false;
    }
    m_sorter = new ConnectionSorter("/ws", settings.limits, this);
    if (!loadTls(settings)) {
        m_failure = Failure::Tls;
        return false;
    }
    connect(m_sorter, &ConnectionSorter::webSocketRequested, m_webSockets,
            &QWebSocketServer::handleConnection);
    // Qt's default backlog of 50 drops SYNs when a crowd arrives at once (a class opening the
    // link together); the kernel caps this at net.core.somaxconn.
    m_sorter->setListenBacklogSize(4096);
    m_sorter->setLargestFrame(largestIncomingFrame());
    if (!m_sorter->listenOn(settings.address, settings.port)) {
        m_failure = m_sorter->serverError() == QAbstractSocket::SocketAddressNotAvailableError
                            ? Failure::Address
                            : Failure::Listen;
        m_errorString = tr("Cannot listen on %1 port %2: %3")
                                .arg(settings.address.toString())
                                .arg(settings.port)
                                .arg(m_sorter->errorString());
        return false;
    }
    m_sorter->setOriginPolicy(OriginPolicy(m_sorter->serverPort(), settings.allowedOrigins));
    if (!settings.redisUrl.isEmpty())
        m_settings.limits.maxFileBytes = 0; // each host keeps files on its own disk: none shared
    m_room = new ChatRoom(*m_store, m_settings, this);
    if (!settings.redisUrl.isEmpty() && !shareRoom()) {
        m_failure = Failure::History;
        return false;
    }
    m_room->setHostKey(m_hostKey);
    if (settings.password.isEmpty())
        m_room->setPassword(*savedPassword);
    auto *trimmer = new MemoryTrimmer(m_room);
    connect(trimmer, &MemoryTrimmer::timeToRelease, m_room, &ChatRoom::releaseIdleBuffers);
    // The release goes in slices (RoomConnections): what it frees is given back once it is done.
    connect(m_room, &ChatRoom::idleBuffersReleased, trimmer, &MemoryTrimmer::trim);
    connect(m_room, &ChatRoom::memberJoined, this, &ChatHost::reachChanged);
    connect(m_room, &ChatRoom::memberLeft, this, &ChatHost::reachChanged);
    connect(m_room, &ChatRoom::passwordGuessed, this,
            [this](const QHostAddress &address, int failures) {
                emit passwordGuessed(PeerAddress::plain(address).toString(), failures);
            });
    if (!m_room->openFiles(&m_errorString)) {
        m_failure = Failure::History;
        return false;
    }
    connect(m_sorter, &ConnectionSorter::fileRequested, m_room,
            [room = m_room](QTcpSocket *socket, const RequestHead &head) {
                FileDownload::serve(socket, head,
                                    [room](const QString &id, const QString &key, bool thumb) {
                                        return room->fileFor(id, key, thumb);
                                    });
            });
    RetentionPolicy retentionPolicy = settings.retention;
    retentionPolicy.maxBytes = settings.limits.maxHistoryBytes;
    auto *retention = new RetentionScheduler(*m_store, retentionPolicy,
                                             settings.retentionIntervalMs, m_room);
    connect(retention, &RetentionScheduler::pruned, m_room, &ChatRoom::sweepFiles);
    retention->start();
    // bind() reparents the sorter to the HTTP server; it must already be listening.
    m_http->bind(m_sorter);
    if (settings.announce && settings.address.isLoopback()) {
        // Reachable from this machine only: there is nothing to tell the LAN (and a test host
        // must never say anything off this machine).
        qCInfo(lcHost).noquote()
                << QStringLiteral("Not announcing the room: it is reachable only from this "
                                  "machine (%1)")
                           .arg(settings.address.toString());
    } else if (settings.announce) {
        announce();
    }
    qCInfo(lcHost).noquote() << "Room open on" << m_sorter->serverAddress().toString() << "port"
                             << m_sorter->serverPort() << "with its history in"
                             << settings.dataDirectory
                             << (m_room->hasPassword() ? "(password required)" : "");
    m_errorString.clear();
    return true;
}

bool ChatHost::setPassword(const QString &password)
{
    const RoomPassword digest(password);
    if (m_room)
        m_room->changePassword(digest);
    qCInfo(lcHost) << (digest.isSet() ? "Room password set" : "Room password removed");
    if (PasswordFile::save(m_settings.dataDirectory, digest, &m_errorString))
        return true;
    qCWarning(lcHost).noquote() << m_errorString;
    return false;
}

bool ChatHost::hasPassword() const
{
    return m_room && m_room->hasPassword();
}

bool ChatHost::removeMember(const QString &name, bool block)
{
    if (!m_room)
        return false;
    const QHostAddress address = PeerAddress::plain(m_room->addressOf(name));
    if (!m_room->removeMember(name))
        return false;
    qCInfo(lcHost).noquote() << "Removed" << name << (block ? "and blocked its device" : "");
    // The hosting window joins over 127.0.0.1: blocking it would lock the host out.
    if (block && !address.isNull() && !address.isEqual(QHostAddress::LocalHost)
        && !address.isEqual(QHostAddress::LocalHostIPv6))
        this->block(address);
    return true;
}

void ChatHost::block(const QHostAddress &address)
{
    if (!m_sorter || m_blocked.contains(address))
        return;
    m_blocked.insert(address);
    m_sorter->setBlockedAddresses(m_blocked);
    qCInfo(lcHost).noquote() << "Blocked" << address.toString();
    emit blockedAddressesChanged();
}

QStringList ChatHost::blockedAddresses() const
{
    QStringList addresses;
    for (const QHostAddress &address : m_blocked)
        addresses.append(address.toString());
    addresses.sort();
    return addresses;
}

void ChatHost::unblock(const QString &address)
{
    if (!m_sorter || !m_blocked.remove(QHostAddress(address)))
        return;
    m_sorter->setBlockedAddresses(m_blocked);
    qCInfo(lcHost).noquote() << "Let in again" << address;
    emit blockedAddressesChanged();
}

void ChatHost::setLocked(bool locked)
{
    qCInfo(lcHost) << (locked ? "Room locked to newcomers" : "Room unlocked");
    if (m_room)
        m_room->setLocked(locked);
}

QByteArray ChatHost::summaryJson() const
{
    // Nothing private: no member but the host is named.
    QJsonObject summary{{u"protocol"_s, Tertulia::kProtocolVersion},
                        {u"version"_s, QStringLiteral(TERTULIA_VERSION)},
                        {u"members"_s, memberCount()},
                        {u"password"_s, hasPassword()},
                        {u"locked"_s, m_room && m_room->isLocked()}};
    if (m_room && !m_room->hostName().isEmpty())
        summary.insert(u"host"_s, m_room->hostName());
    return QJsonDocument(summary).toJson(QJsonDocument::Compact);
}

int ChatHost::memberCount() const
{
    return m_room ? m_room->memberCount() : 0;
}

void ChatHost::endRoom(const QString &reason)
{
    qCInfo(lcHost) << "Ending the room for" << memberCount() << "members";
    if (m_room)
        m_room->endRoom(reason);
    delete std::exchange(m_announcer, nullptr); // says goodbye
    waitUntilClosed();
}

void ChatHost::closeForRestart()
{
    qCInfo(lcHost) << "Closing for a restart:" << memberCount() << "members will come back";
    if (m_room)
        m_room->closeForRestart();
    delete std::exchange(m_announcer, nullptr);
    waitUntilClosed();
}

void ChatHost::waitUntilClosed()
{
    // Peers close their side once they have read why; a few may not, and are not waited for.
    QElapsedTimer waited;
    waited.start();
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll, waited] {
        if (connectionCount() > 0 && waited.elapsed() < kCloseWaitMs)
            return;
        poll->deleteLater();
        emit closed();
    });
    poll->start(20);
}

bool ChatHost::isListening() const
{
    return m_sorter && m_sorter->isListening();
}

QHostAddress ChatHost::address() const
{
    return m_sorter ? m_sorter->serverAddress() : QHostAddress();
}

quint16 ChatHost::port() const
{
    return m_sorter ? m_sorter->serverPort() : 0;
}

int ChatHost::connectionCount() const
{
    return m_sorter ? m_sorter->connectionCount() : 0;
}

bool ChatHost::loadTls(const HostSettings &settings)
{
    if (settings.certificateFile.isEmpty() && settings.keyFile.isEmpty())
        return true;
    QFile certificateFile(settings.certificateFile);
    QFile keyFile(settings.keyFile);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_errorString = tr("Cannot read the TLS certificate %1 or key %2.")
                                .arg(settings.certificateFile, settings.keyFile);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certificateFile);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey privateKey(keyPem, QSsl::Rsa);
    if (privateKey.isNull())
        privateKey = QSslKey(keyPem, QSsl::Ec);
    if (chain.isEmpty() || privateKey.isNull()) {
        m_errorString = tr("The TLS certificate %1 or key %2 is not a PEM certificate and "
                           "unencrypted RSA or EC key.")
                                .arg(settings.certificateFile, settings.keyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_sorter->setTls(configuration);
    m_certificateFingerprint = QString::fromLatin1(
            chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return true;
}

qint64 ChatHost::largestIncomingFrame() const
{
    // A piece of a file is larger than any message (the room checks text frames' size).
    return std::max(m_settings.limits.maxMessageBytes,
                    m_settings.limits.maxFileBytes > 0
                            ? FileUploads::kChunkBytes + Tertulia::FileChunk::kHeaderBytes
                            : 0);
}

void ChatHost::onWebSocketReady()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        // Refused by size as the frame header arrives, before the payload is buffered.
        const qint64 largest = largestIncomingFrame();
        socket->setMaxAllowedIncomingMessageSize(quint64(largest));
        socket->setMaxAllowedIncomingFrameSize(quint64(largest));
        m_room->addConnection(
                socket, m_sorter->takeUpgradedSocket(socket->peerAddress(), socket->peerPort()));
    }
}
