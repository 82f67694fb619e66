#pragma once

#include "redisaddress.h"
#include "redisreply.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QList>

struct redisContext;

// One blocking connection to Redis for commands, with short timeouts: a command waits at most
// kTimeoutMs, and any failure leaves the link down (isUp() false) until connect() again.
class RedisLink final
{
public:
    static constexpr int kTimeoutMs = 1000;

    explicit RedisLink(const RedisAddress &address) : m_address(address) { }
    ~RedisLink();
    RedisLink(const RedisLink &) = delete;
    RedisLink &operator=(const RedisLink &) = delete;

    bool connect(); // false with errorString()
    void disconnect();
    bool isUp() const { return m_context != nullptr; }
    int socketDescriptor() const;
    QString errorString() const { return m_errorString; }

    // The commands go in one write and their replies come back in order; empty if the link
    // failed on the way (it is down then). Redis's own errors are replies (isError()).
    QList<RedisReply> run(const QList<QByteArrayList> &commands);
    RedisReply run(const QByteArrayList &command);
    // Sends without waiting for a reply (SUBSCRIBE); false if the link failed.
    bool send(const QByteArrayList &command);
    // Reads what has arrived without blocking for more: the replies complete so far.
    QList<RedisReply> readAvailable();

private:
    bool append(const QByteArrayList &command);
    bool fail();

    RedisAddress m_address;
    redisContext *m_context = nullptr;
    QString m_errorString;
};
