#include "chatconnection.h"

#include "clientpayload.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

constexpr int kFirstRetryMs = 500;
constexpr int kMaxRetryMs = 15'000;

int retryDelayMs(int failedAttempts)
{
    const int exponential = std::min(kMaxRetryMs, kFirstRetryMs << std::min(failedAttempts, 5));
    // Jitter, so that clients dropped together do not all come back in the same instant.
    return exponential / 2 + int(QRandomGenerator::global()->bounded(exponential / 2 + 1));
}

} // namespace

ChatConnection::ChatConnection(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatConnection::connectSocket);
    connect(&m_socket, &QWebSocket::connected, this, &ChatConnection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatConnection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ChatConnection::onTextMessage);
}

ChatConnection::~ChatConnection()
{
    // The socket says "disconnected" while it is destroyed, after the retry timer is gone.
    m_wantOpen = false;
    m_socket.disconnect(this);
}

QUrl ChatConnection::socketUrl(const QUrl &address)
{
    QUrl url = address;
    if (url.scheme() == u"http")
        url.setScheme(u"ws"_s);
    else if (url.scheme() == u"https")
        url.setScheme(u"wss"_s);
    if (url.path().isEmpty() || url.path() == u"/")
        url.setPath(u"/ws"_s);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void ChatConnection::open(const QUrl &address, const QString &name)
{
    m_address = address;
    m_name = name;
    m_wantOpen = true;
    m_failedAttempts = 0;
    m_reconnectTimer.stop();
    m_socket.abort();
    connectSocket();
}

void ChatConnection::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    m_socket.close();
    setState(State::Disconnected);
}

QString ChatConnection::send(const QString &text)
{
    if (m_state != State::Connected)
        return {};
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_socket.sendTextMessage(encodeChatRequest(m_name, text, clientId));
    return clientId;
}

void ChatConnection::connectSocket()
{
    setState(m_failedAttempts == 0 ? State::Connecting : State::Reconnecting);
    QUrl url = socketUrl(m_address);
    url.setQuery(u"name="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_name)),
                 QUrl::StrictMode);
    m_socket.open(url);
}

void ChatConnection::onConnected()
{
    // Nothing yet: the connection counts as connected once the host welcomes the name.
}

void ChatConnection::onDisconnected()
{
    if (!m_wantOpen)
        return;
    ++m_failedAttempts;
    setState(State::Reconnecting);
    m_reconnectTimer.start(retryDelayMs(m_failedAttempts - 1));
}

void ChatConnection::onTextMessage(const QString &frame)
{
    if (const std::optional<ServerEvent> event = decodeServerEvent(frame))
        handle(*event);
}

void ChatConnection::handle(const ServerEvent &event)
{
    switch (event.type) {
    case ServerEvent::Type::Welcome:
        m_failedAttempts = 0;
        m_name = event.name;
        m_members = event.members;
        setState(State::Connected);
        emit joined(event.name);
        emit membersChanged(m_members);
        break;
    case ServerEvent::Type::Message:
        emit messageReceived(event.id, event.name, event.message, event.time);
        break;
    case ServerEvent::Type::Ack:
        emit messageAcknowledged(event.clientId, event.id, event.time);
        break;
    case ServerEvent::Type::Presence:
        m_members = event.members;
        emit presenceChanged(event.joined, event.left);
        emit membersChanged(m_members);
        break;
    case ServerEvent::Type::Error:
        if (event.errorCode == u"name_taken" || event.errorCode == u"name_invalid") {
            // Retrying with the same name cannot succeed.
            m_wantOpen = false;
            setState(State::Disconnected);
            emit nameRefused(event.reason);
        } else {
            emit errorReceived(event.errorCode, event.reason);
        }
        break;
    }
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
