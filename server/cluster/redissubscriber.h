#pragma once

#include "redislink.h"

#include <QtCore/QObject>

class QSocketNotifier;

// A second connection to Redis, subscribed to one channel: what is published there arrives
// as received(), in the order Redis published it, read when the descriptor says so.
class RedisSubscriber final : public QObject
{
    Q_OBJECT

public:
    RedisSubscriber(const RedisAddress &address, const QByteArray &channel,
                    QObject *parent = nullptr);
    ~RedisSubscriber() override;

    bool start(); // connected and subscribed; false with errorString()
    void stop();
    QString errorString() const { return m_link.errorString(); }

signals:
    void received(const QByteArray &payload);
    void lost(); // the connection failed; stopped

private:
    void onReadable();

    RedisLink m_link;
    QByteArray m_channel;
    QSocketNotifier *m_notifier = nullptr;
};
