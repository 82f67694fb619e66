#include "pingwatch.h"

#include <QtWebSockets/QWebSocket>

PingWatch::PingWatch(QWebSocket *socket, std::function<void()> onPing)
    : QObject(socket), m_onPing(std::move(onPing))
{ }

bool PingWatch::watch(QWebSocket *socket, std::function<void()> onPing)
{
    for (QObject *child : socket->children()) {
        if (qstrcmp(child->metaObject()->className(), "QWebSocketDataProcessor") != 0)
            continue;
        auto *watch = new PingWatch(socket, std::move(onPing));
        // By name: the reader's class is private to Qt, so no member-function pointer exists.
        if (connect(child, SIGNAL(pingReceived(QByteArray)), watch, SLOT(onPing())))
            return true;
        delete watch;
        return false;
    }
    return false;
}

void PingWatch::onPing()
{
    m_onPing();
}
