#include "redislink.h"

#include <QtCore/QCoreApplication>

#include <sys/time.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace {

timeval timeout()
{
    return {RedisLink::kTimeoutMs / 1000, (RedisLink::kTimeoutMs % 1000) * 1000};
}

} // namespace

RedisLink::~RedisLink()
{
    disconnect();
}

bool RedisLink::connect()
{
    disconnect();
    const QByteArray where
            = (m_address.socketPath.isEmpty() ? m_address.host : m_address.socketPath)
                      .toLocal8Bit();
    m_context = m_address.socketPath.isEmpty()
                        ? redisConnectWithTimeout(where.constData(), m_address.port, timeout())
                        : redisConnectUnixWithTimeout(where.constData(), timeout());
    if (!m_context || m_context->err || redisSetTimeout(m_context, timeout()) != REDIS_OK)
        return fail();
    return true;
}

void RedisLink::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

int RedisLink::socketDescriptor() const
{
    return m_context ? m_context->fd : -1;
}

bool RedisLink::fail()
{
    m_errorString = QCoreApplication::translate("RedisLink", "Redis at %1: %2")
                            .arg(m_address.toString(),
                                 m_context ? QString::fromLocal8Bit(m_context->errstr)
                                           : u"out of memory"_s);
    disconnect();
    return false;
}

bool RedisLink::append(const QByteArrayList &command)
{
    std::vector<const char *> arguments;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : command) {
        arguments.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    return redisAppendCommandArgv(m_context, int(arguments.size()), arguments.data(),
                                  lengths.data())
           == REDIS_OK;
}

QList<RedisReply> RedisLink::run(const QList<QByteArrayList> &commands)
{
    QList<RedisReply> replies;
    if (!m_context)
        return replies;
    for (const QByteArrayList &command : commands) {
        if (!append(command)) {
            fail();
            return {};
        }
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void *reply = nullptr;
        if (redisGetReply(m_context, &reply) != REDIS_OK) {
            fail();
            return {};
        }
        replies.append(RedisReply(static_cast<redisReply *>(reply)));
    }
    return replies;
}

RedisReply RedisLink::run(const QByteArrayList &command)
{
    QList<RedisReply> replies = run(QList<QByteArrayList>{command});
    return replies.isEmpty() ? RedisReply() : std::move(replies.first());
}

bool RedisLink::send(const QByteArrayList &command)
{
    if (!m_context)
        return false;
    int done = 0;
    if (!append(command))
        return fail();
    while (!done) {
        if (redisBufferWrite(m_context, &done) != REDIS_OK)
            return fail();
    }
    return true;
}

QList<RedisReply> RedisLink::readAvailable()
{
    QList<RedisReply> replies;
    // Called when the descriptor is readable, so this read does not wait.
    if (!m_context || redisBufferRead(m_context) != REDIS_OK) {
        fail();
        return replies;
    }
    for (;;) {
        void *reply = nullptr;
        if (redisGetReplyFromReader(m_context, &reply) != REDIS_OK) {
            fail();
            return replies;
        }
        if (!reply)
            return replies;
        replies.append(RedisReply(static_cast<redisReply *>(reply)));
    }
}
