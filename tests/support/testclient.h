#pragma once

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>

#include <functional>

// A raw WebSocket client for tests: records every event the host sends, so a test can wait
// for one of a given type and look at everything else that arrived.
class TestClient final : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(QObject *parent = nullptr) : QObject(parent)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
            events.append(QJsonDocument::fromJson(frame.toUtf8()).object());
        });
    }

    bool open(const QUrl &url)
    {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(url);
        return connected.wait(15000); // a busy host (sanitizers, a flood just cut) is slow
    }

    void send(const QJsonObject &object)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson()));
    }

    // The oldest event of this type not taken yet; empty on timeout.
    QJsonObject next(const QString &type, int timeoutMs = 5000)
    {
        return nextWhere(
                type, [](const QJsonObject &) { return true; }, timeoutMs);
    }

    // The oldest event of this type, not taken yet, that satisfies `wanted`.
    QJsonObject nextWhere(const QString &type,
                          const std::function<bool(const QJsonObject &)> &wanted,
                          int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            for (qsizetype i = 0; i < events.size(); ++i) {
                if (!m_taken.contains(i) && wanted(events.at(i))
                    && events.at(i).value(QStringLiteral("type")).toString() == type) {
                    m_taken.insert(i);
                    return events.at(i);
                }
            }
            QTest::qWait(5);
        }
        return {};
    }

    QList<QJsonObject> eventsOfType(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &event : events) {
            if (event.value(QStringLiteral("type")).toString() == type)
                found.append(event);
        }
        return found;
    }

    bool waitForDisconnect(int timeoutMs = 5000)
    {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        return disconnected.wait(timeoutMs);
    }

    QWebSocket socket;
    QList<QJsonObject> events;

private:
    QSet<qsizetype> m_taken;
};
