#pragma once

#include "protocollimits.h"
#include "retentionpolicy.h"

#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

// What one connection may cost the host. README lists each with its default and, where there
// is one, its command-line flag (the head, join and body limits are fixed).
struct HostLimits
{
    // Those the clients are told (welcome) default to the protocol's own (RoomLimits).
    static constexpr Tertulia::RoomLimits kProtocol{};

    qint64 maxMessageBytes = kProtocol.messageBytes; // one message or frame; larger: 1009
    int maxNameLength = kProtocol.nameLength; // characters
    int maxMessageLength = kProtocol.messageLength; // characters
    double messagesPerSecond = kProtocol.messagesPerSecond; // sustained, per connection...
    int messageBurst = kProtocol.messageBurst; // ...with this many at once
    int maxConnections = 10'000; // TCP connections in all
    int maxConnectionsPerAddress = 64; // from one client address
    int headTimeoutMs = 10'000; // to send a whole request head
    int joinTimeoutMs = 30'000; // for a WebSocket to say who it is
    int idleTimeoutMs = 60'000; // silent this long (no pong either): dropped
    qint64 maxQueuedBytes = 4 * 1024 * 1024; // unsent to one client before it is dropped
    // A chat connection's kernel send buffer (SO_SNDBUF; Linux doubles it and counts the double
    // as unsent too). Left to autotuning, members who never read pin the kernel's memory
    // (figures: docs/DESIGN.md).
    int chatSendBufferBytes = 64 * 1024;
    qint64 maxRequestBodyBytes = 64 * 1024; // nothing here takes a body; larger: 413
    qint64 maxHistoryBytes = qint64(2) * 1024 * 1024 * 1024; // the database; oldest pruned
    qint64 minFreeDiskBytes = 256 * 1024 * 1024; // less free than this: messages not stored
    // Bytes of messages one client address may store a second (UTF-16, as they are kept),
    // with StorageGuard::kBurstSeconds of that at once.
    qint64 storedBytesPerSecond = 64 * 1024;
    qint64 maxFileBytes = kProtocol.fileBytes; // one file; 0 takes no files
    qint64 maxFilesBytes = qint64(20) * 1024 * 1024 * 1024; // all files; the oldest go first
    qint64 uploadBytesPerSecond = 100 * 1024 * 1024; // one member's uploads; 0: no limit
};

// Everything a host is started with; the executables fill it from their command lines.
struct HostSettings
{
    QHostAddress address{QHostAddress::Any};
    quint16 port = 0; // 0 picks a free port
    QString dataDirectory; // where the history database lives; required
    int backlog = 100; // messages a newcomer receives on joining
    RetentionPolicy retention; // how much history is kept
    int retentionIntervalMs = 60'000; // how often the policy is applied
    int resumeGraceMs = 60'000; // how long a dropped member's name waits for its owner
    HostLimits limits;
    QStringList allowedOrigins; // besides the host's own page, e.g. "https://chat.example"
    QString password; // empty: anyone on the network may join
    QString certificateFile; // PEM; with keyFile, the host speaks only HTTPS and WSS
    QString keyFile; // PEM, unencrypted
    // tertulia-picture, which decodes pictures for the room; without it pictures are stored
    // as plain downloads. Empty: looked for beside the running program.
    QString pictureTool;
    // redis://HOST:PORT or unix:///PATH: the room is shared with the other hosts using that
    // Redis (RedisRoom). Empty: this host alone, its history in SQLite.
    QString redisUrl;
    // Announce the room on the LAN (beacon and Avahi) under this name, for "Join a room on this
    // network" lists.
    bool announce = false;
    QString roomName;
};
