#include "redissubscriber.h"

#include <QtCore/QSocketNotifier>

RedisSubscriber::RedisSubscriber(const RedisAddress &address, const QByteArray &channel,
                                 QObject *parent)
    : QObject(parent), m_link(address), m_channel(channel)
{ }

RedisSubscriber::~RedisSubscriber()
{
    stop();
}

bool RedisSubscriber::start()
{
    stop();
    if (!m_link.connect())
        return false;
    // The confirmation comes before anything published on the channel.
    const RedisReply confirmation = m_link.run({"SUBSCRIBE", m_channel});
    if (confirmation.isNull() || confirmation.isError()) {
        m_link.disconnect();
        return false;
    }
    m_notifier = new QSocketNotifier(m_link.socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &RedisSubscriber::onReadable);
    return true;
}

void RedisSubscriber::stop()
{
    // Later: stop() may come from a handler of the notifier's own signal.
    if (m_notifier)
        m_notifier->deleteLater();
    m_notifier = nullptr;
    m_link.disconnect();
}

void RedisSubscriber::onReadable()
{
    const QList<RedisReply> replies = m_link.readAvailable();
    for (const RedisReply &reply : replies) {
        const redisReply *r = reply.get();
        // ["message", channel, payload]
        if (r->type == REDIS_REPLY_ARRAY && r->elements == 3
            && RedisReply::text(r->element[0]) == "message") {
            emit received(RedisReply::text(r->element[2]));
            if (!m_notifier) // a handler stopped it
                return;
        }
    }
    if (!m_link.isUp()) {
        stop();
        emit lost();
    }
}
