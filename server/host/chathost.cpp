#include "chathost.h"

#include "chatroom.h"
#include "connectionsorter.h"
#include "pageroutes.h"
#include "protocollimits.h"

#include <QtHttpServer/QHttpServer>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace Qt::StringLiterals;

ChatHost::ChatHost(QObject *parent)
    : QObject(parent),
      m_http(new QHttpServer(this)),
      m_sorter(new ConnectionSorter("/ws", this)),
      m_webSockets(new QWebSocketServer(u"Tertulia"_s, QWebSocketServer::NonSecureMode, this)),
      m_room(new ChatRoom(this))
{
    PageRoutes::install(*m_http);
    connect(m_sorter, &ConnectionSorter::webSocketRequested, m_webSockets,
            &QWebSocketServer::handleConnection);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ChatHost::onWebSocketReady);
}

ChatHost::~ChatHost() = default;

bool ChatHost::listen(const QHostAddress &address, quint16 port)
{
    if (!m_sorter->listen(address, port)) {
        m_errorString = tr("Cannot listen on %1 port %2: %3")
                                .arg(address.toString())
                                .arg(port)
                                .arg(m_sorter->errorString());
        return false;
    }
    // bind() reparents the sorter to the HTTP server; it must already be listening.
    m_http->bind(m_sorter);
    m_errorString.clear();
    return true;
}

bool ChatHost::isListening() const
{
    return m_sorter->isListening();
}

QHostAddress ChatHost::address() const
{
    return m_sorter->serverAddress();
}

quint16 ChatHost::port() const
{
    return m_sorter->serverPort();
}

void ChatHost::onWebSocketReady()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        socket->setMaxAllowedIncomingMessageSize(Tertulia::Limits::kMaxFrameBytes);
        socket->setMaxAllowedIncomingFrameSize(Tertulia::Limits::kMaxFrameBytes);
        m_room->addConnection(socket);
    }
}
