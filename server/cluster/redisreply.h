#pragma once

#include <hiredis/hiredis.h>

#include <QtCore/QByteArray>

#include <memory>

// One reply from Redis, freed with it; the few readings Tertulia needs.
class RedisReply final
{
public:
    explicit RedisReply(redisReply *reply = nullptr) : m_reply(reply, freeReplyObject) { }

    bool isNull() const { return !m_reply; }
    bool isError() const { return m_reply && m_reply->type == REDIS_REPLY_ERROR; }
    const redisReply *get() const { return m_reply.get(); }
    static QByteArray text(const redisReply *reply)
    {
        return reply && reply->str ? QByteArray(reply->str, qsizetype(reply->len)) : QByteArray();
    }
    QByteArray text() const { return text(m_reply.get()); }
    long long integer() const { return m_reply ? m_reply->integer : 0; }

private:
    std::shared_ptr<redisReply> m_reply; // shared: replies sit in QLists
};
