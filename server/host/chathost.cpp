#include "chathost.h"

#include "chatroom.h"
#include "connectionsorter.h"
#include "messagestore.h"
#include "pageroutes.h"
#include "protocollimits.h"
#include "retentionscheduler.h"

#include <QtHttpServer/QHttpServer>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace Qt::StringLiterals;

ChatHost::ChatHost(QObject *parent)
    : QObject(parent),
      m_http(new QHttpServer(this)),
      m_sorter(new ConnectionSorter("/ws", this)),
      m_webSockets(new QWebSocketServer(u"Tertulia"_s, QWebSocketServer::NonSecureMode, this))
{
    PageRoutes::install(*m_http);
    connect(m_sorter, &ConnectionSorter::webSocketRequested, m_webSockets,
            &QWebSocketServer::handleConnection);
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
    m_store = std::make_unique<MessageStore>();
    if (!m_store->open(settings.dataDirectory)) {
        m_errorString = m_store->errorString();
        m_store.reset();
        return false;
    }
    const QHostAddress &address = settings.address;
    const quint16 port = settings.port;
    if (!m_sorter->listen(address, port)) {
        m_errorString = tr("Cannot listen on %1 port %2: %3")
                                .arg(address.toString())
                                .arg(port)
                                .arg(m_sorter->errorString());
        return false;
    }
    m_room = new ChatRoom(*m_store, settings.backlog, settings.resumeGraceMs, this);
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
