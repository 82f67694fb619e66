#include "chathost.h"

#include "chatroom.h"
#include "connectionsorter.h"
#include "messagestore.h"
#include "pageroutes.h"
#include "retentionscheduler.h"

#include <QtHttpServer/QHttpServer>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace Qt::StringLiterals;

ChatHost::ChatHost(QObject *parent)
    : QObject(parent),
      m_http(new QHttpServer(this)),
      m_webSockets(new QWebSocketServer(u"Tertulia"_s, QWebSocketServer::NonSecureMode, this))
{
    PageRoutes::install(*m_http);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ChatHost::onWebSocketReady);
}

ChatHost::~ChatHost()
{
    // The room and its sockets go before the store they write to.
    delete m_room;
}

bool ChatHost::start(const HostSettings &settings)
{
    Q_ASSERT_X(!m_room, "ChatHost::start", "a host starts once");
    m_settings = settings;
    m_store = std::make_unique<MessageStore>();
    if (!m_store->open(settings.dataDirectory)) {
        m_errorString = m_store->errorString();
        m_store.reset();
        return false;
    }
    m_sorter = new ConnectionSorter("/ws", settings.limits, this);
    connect(m_sorter, &ConnectionSorter::webSocketRequested, m_webSockets,
            &QWebSocketServer::handleConnection);
    if (!m_sorter->listen(settings.address, settings.port)) {
        m_errorString = tr("Cannot listen on %1 port %2: %3")
                                .arg(settings.address.toString())
                                .arg(settings.port)
                                .arg(m_sorter->errorString());
        return false;
    }
    m_sorter->setOriginPolicy(OriginPolicy(m_sorter->serverPort(), settings.allowedOrigins));
    m_room = new ChatRoom(*m_store, settings, this);
    auto *retention = new RetentionScheduler(*m_store, settings.retention,
                                             settings.retentionIntervalMs, m_room);
    retention->start();
    // bind() reparents the sorter to the HTTP server; it must already be listening.
    m_http->bind(m_sorter);
    m_errorString.clear();
    return true;
}

bool ChatHost::isListening() const
{
    return m_sorter && m_sorter->isListening();
}

QHostAddress ChatHost::address() const
{
    return m_sorter ? m_sorter->serverAddress() : QHostAddress();
}

quint16 ChatHost::port() const
{
    return m_sorter ? m_sorter->serverPort() : 0;
}

int ChatHost::connectionCount() const
{
    return m_sorter ? m_sorter->connectionCount() : 0;
}

void ChatHost::onWebSocketReady()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        // Refused by size as the frame header arrives, before the payload is buffered.
        socket->setMaxAllowedIncomingMessageSize(quint64(m_settings.limits.maxMessageBytes));
        socket->setMaxAllowedIncomingFrameSize(quint64(m_settings.limits.maxMessageBytes));
        m_room->addConnection(socket);
    }
}
