#pragma once

#include <QtCore/QObject>

#include <functional>

class QWebSocket;

// Tells when the peer of a QWebSocket sends a ping. Qt 6.4's QWebSocket answers every ping by
// itself and has no public signal for them, so a ping flood cost the host without limit; its
// frame reader (a child QObject, QWebSocketDataProcessor) has one, connected to here by name.
// A child of the socket.
class PingWatch final : public QObject
{
    Q_OBJECT

public:
    // False if this Qt's QWebSocket has no such reader (the watch then never fires).
    static bool watch(QWebSocket *socket, std::function<void()> onPing);

private slots:
    void onPing();

private:
    PingWatch(QWebSocket *socket, std::function<void()> onPing);

    std::function<void()> m_onPing;
};
