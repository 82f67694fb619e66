#include "chatconnection.h"

#include "clientlog.h"

#include "clientrequest.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

using namespace Qt::StringLiterals;
using namespace Tertulia;

namespace {

// What the person reads for a host's error: the code's one wording in their language when the
// phrase table has it, else the host's own words (English, and often more precise).
QString wordsFor(const ErrorSpec *spec, const QString &reason)
{
    if (!spec)
        return reason;
    const QString translated = translatedSentence(*spec);
    if (translated != QLatin1StringView(spec->sentence) || reason.isEmpty())
        return translated;
    return reason;
}

int retryDelayMs(int failedAttempts)
{
    using namespace Tertulia::ClientPolicy;
    const int exponential
            = std::min(kMaxRetryMs, kFirstRetryMs << std::min(failedAttempts, kRetryDoublings));
    // Jitter, so that clients dropped together do not all come back in the same instant.
    return exponential / 2 + int(QRandomGenerator::global()->bounded(exponential / 2 + 1));
}

} // namespace

ChatConnection::ChatConnection(QObject *parent)
    : QObject(parent),
      m_files([this](const QString &text) { m_socket.sendTextMessage(text); },
              [this](const QByteArray &bytes) { m_socket.sendBinaryMessage(bytes); })
{
    connect(&m_files, &FileSender::progress, this, &ChatConnection::uploadProgress);
    connect(&m_files, &FileSender::stage, this, &ChatConnection::uploadStage);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatConnection::connectSocket);
    m_resendTimer.setSingleShot(true);
    connect(&m_resendTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Connected)
            return; // the welcome sends the outbox again anyway
        for (const Outgoing &message : std::as_const(m_outbox))
            transmit(message);
    });
    connect(&m_socket, &QWebSocket::connected, this, &ChatConnection::onConnected);
    connect(&m_socket, &QWebSocket::sslErrors, this, &ChatConnection::onSslErrors);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatConnection::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ChatConnection::onSocketError); // errorOccurred is Qt 6.5
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

void ChatConnection::open(const QUrl &address, const QString &name, const QString &password)
{
    m_password = password;
    if (name != m_name || address != m_address) {
        m_resumeToken.clear(); // a token belongs to one name in one room
        m_lastSeenId = -1;
    }
    m_address = address;
    m_name = name;
    restoreUploads();
    m_wantOpen = true;
    m_failedAttempts = 0;
    m_reconnectTimer.stop();
    m_socket.abort();
    connectSocket();
}

void ChatConnection::keepUploadsIn(const QString &directory)
{
    m_uploadsDirectory = directory;
    if (!m_address.isEmpty())
        restoreUploads();
}

void ChatConnection::restoreUploads()
{
    if (m_uploadsDirectory.isEmpty())
        return;
    // One file per room and name: the uploads belong to that member of that room.
    const QByteArray room = QCryptographicHash::hash(
            (socketUrl(m_address).toString() + u'\n' + m_name).toUtf8(), QCryptographicHash::Sha1);
    const QString path = m_uploadsDirectory + u"/uploads-"_s
                         + QString::fromLatin1(room.toHex().left(16)) + u".json"_s;
    for (const FileSender::Kept &kept : m_files.keepIn(path))
        emit uploadRestored(kept.clientId, kept.name, kept.size, kept.to);
}

void ChatConnection::retry()
{
    if (!m_wantOpen && !m_address.isEmpty())
        open(m_address, m_name, m_password);
}

void ChatConnection::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    if (m_state == State::Connected)
        m_socket.sendTextMessage(encodeLeaveRequest()); // a goodbye: leave now, not in a minute
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
    setState(State::Disconnected);
}

QString ChatConnection::send(const QString &text, const QString &to)
{
    const Outgoing message{QUuid::createUuid().toString(QUuid::WithoutBraces), text, to};
    m_outbox.append(message);
    if (m_state == State::Connected)
        transmit(message);
    return message.clientId;
}

QString ChatConnection::sendFile(const QString &path, const QString &to, QString *error)
{
    return m_files.add(path, to, m_state == State::Connected, error);
}

void ChatConnection::cancelFile(const QString &clientId)
{
    if (m_state == State::Connected || !m_files.owns(clientId))
        m_files.cancel(clientId);
    else
        m_files.finished(clientId); // the host forgets it after its grace
}

QUrl ChatConnection::fileUrl(const FileInfo &file, bool thumbnail) const
{
    QUrl url = socketUrl(m_address);
    url.setScheme(url.scheme() == u"wss" ? u"https"_s : u"http"_s);
    url.setPath(thumbnail ? file.thumbnailPath() : file.path(), QUrl::TolerantMode);
    url.setQuery(u"key="_s + m_fileKey);
    return url;
}

void ChatConnection::sendTyping()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_state != State::Connected
        || now - m_lastTypingMs < Tertulia::ClientPolicy::kTypingEveryMs)
        return;
    m_lastTypingMs = now;
    m_socket.sendTextMessage(encodeTypingNotice());
}

void ChatConnection::requestOlderThan(qint64 id, int limit)
{
    if (m_state == State::Connected)
        m_socket.sendTextMessage(encodeHistoryRequest(id, -1, limit));
}

void ChatConnection::connectSocket()
{
    setState(m_failedAttempts == 0 ? State::Connecting : State::Reconnecting);
    m_socket.open(socketUrl(m_address));
}

void ChatConnection::setPinnedFingerprint(const QString &fingerprint)
{
    m_pinnedDigest = QByteArray::fromHex(fingerprint.toLatin1().replace(':', ""));
    if (m_pinnedDigest.size() < kMinPinnedBytes)
        m_pinnedDigest.clear(); // too short to tell one certificate from a made-up one
}

bool ChatConnection::isPinned(const QSslCertificate &certificate) const
{
    return !m_pinnedDigest.isEmpty()
           && certificate.digest(QCryptographicHash::Sha256).startsWith(m_pinnedDigest);
}

QSslCertificate ChatConnection::pinnedCertificate() const
{
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    return isPinned(certificate) ? certificate : QSslCertificate();
}

void ChatConnection::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    if (isPinned(certificate)) {
        m_socket.ignoreSslErrors(); // the very certificate the user was told to expect
        return;
    }
    m_wantOpen = false;
    setState(State::Disconnected);
    emit errorReceived(u"tls_untrusted"_s,
                       tr("The host's certificate is not trusted (%1). Ask the host for its "
                          "fingerprint and join with --fingerprint.")
                               .arg(errors.isEmpty() ? QString() : errors.first().errorString()));
}

void ChatConnection::onConnected()
{
    // Coming back, it reclaims the name (resume, always sent: it asks the host to hold the name
    // through a drop) and receives exactly what was said meanwhile (since).
    m_socket.sendTextMessage(encodeJoinRequest(m_name, m_lastSeenId, m_resumeToken, m_password));
}

void ChatConnection::onSocketError(QAbstractSocket::SocketError error)
{
    m_lastError = m_socket.errorString();
    if (m_wantOpen)
        emit attemptFailed(m_lastError);
    // A host that blocked this device answers the upgrade with 403. Qt 6.4 gives the status
    // only in its error text: "…processHandshake: Unhandled http status code: 403 (Forbidden)."
    if (m_wantOpen && error == QAbstractSocket::ConnectionRefusedError
        && m_socket.errorString().contains(u"status code: 403"_s)) {
        const ErrorSpec &blocked = errorSpec(ErrorCode::Blocked);
        stopFor(blocked, translatedSentence(blocked));
    }
}

void ChatConnection::onDisconnected()
{
    if (!m_wantOpen)
        return;
    // The event that says why may not have arrived (a host too busy to send it); the close
    // code alone still says whether to stop.
    if (const ErrorSpec *spec = errorSpecForClose(quint16(m_socket.closeCode()));
        spec && spec->action != ClientAction::Retry && spec->action != ClientAction::Show) {
        stopFor(*spec, translatedSentence(*spec));
        return;
    }
    ++m_failedAttempts;
    setState(State::Reconnecting);
    m_reconnectTimer.start(retryDelayMs(m_failedAttempts - 1));
}

void ChatConnection::onTextMessage(const QString &frame)
{
    if (const std::optional<ServerEvent> event = decodeServerEvent(frame.toUtf8()))
        std::visit([this](const auto &typed) { on(typed); }, *event);
}

void ChatConnection::on(const Events::Welcome &event)
{
    m_failedAttempts = 0;
    m_hasJoined = true;
    m_name = event.name;
    if (!event.resumeToken.isEmpty())
        m_resumeToken = event.resumeToken;
    m_members = event.members;
    m_membersComplete = event.membersComplete;
    m_memberCount = event.memberCount;
    m_limits = event.limits;
    m_fileKey = event.fileKey;
    setState(State::Connected);
    emit joined(event.name);
    if (m_membersComplete) {
        emit membersChanged(m_members);
    } else {
        emit memberRowsReceived(m_memberCount, 0, m_members);
        if (m_watched.second > 0) // the rows watched before a reconnection
            m_socket.sendTextMessage(encodeMembersWatch(m_watched.first, m_watched.second));
    }
    // The host recognises a resent message by its client id and stores it only once.
    for (const Outgoing &message : std::as_const(m_outbox))
        transmit(message);
    m_files.offerAll();
}

void ChatConnection::on(const Events::Message &event)
{
    see(event.message.id);
    emit messageReceived(event.message);
}

void ChatConnection::on(const Events::Ack &event)
{
    const auto acked = std::find_if(m_outbox.begin(), m_outbox.end(), [&](const Outgoing &m) {
        return m.clientId == event.clientId;
    });
    if (acked != m_outbox.end())
        m_outbox.erase(acked);
    m_resendDelayMs = Tertulia::ClientPolicy::kFirstResendMs;
    m_files.finished(event.clientId);
    see(event.id);
    // The file first: a window shows its line as the file, then marks it sent.
    if (event.file.isValid())
        emit fileAcknowledged(event.clientId, event.file);
    emit messageAcknowledged(event.clientId, event.id, event.time);
}

void ChatConnection::on(const Events::Presence &event)
{
    emit presenceChanged(event.joined, event.left, event.others);
    if (event.members) {
        m_members = *event.members;
        m_membersComplete = true;
        m_memberCount = int(m_members.size());
        emit membersChanged(m_members);
        return;
    }
    const bool grew = m_membersComplete; // the room just outgrew being listed whole
    m_membersComplete = false;
    m_memberCount = std::max(event.count, 0);
    if (grew) {
        m_members.clear();
        if (m_watched.second > 0)
            m_socket.sendTextMessage(encodeMembersWatch(m_watched.first, m_watched.second));
    }
    emit memberRowsReceived(m_memberCount, -1, {});
}

void ChatConnection::on(const Events::Members &event)
{
    if (event.from < 0) { // a search's answer
        emit membersFound(event.prefix, event.members);
        return;
    }
    m_memberCount = event.total;
    m_members = event.members;
    emit memberRowsReceived(event.total, event.from, event.members);
}

void ChatConnection::watchMembers(int from, int count)
{
    count = std::min(count, m_limits.memberPage);
    if (m_watched == qMakePair(from, count))
        return;
    m_watched = {from, count};
    if (m_state == State::Connected && !m_membersComplete)
        m_socket.sendTextMessage(encodeMembersWatch(from, count));
}

void ChatConnection::findMembers(const QString &prefix, int count)
{
    if (m_state == State::Connected)
        m_socket.sendTextMessage(encodeMembersSearch(prefix, std::min(count, m_limits.memberPage)));
}

void ChatConnection::on(const Events::History &event)
{
    const HistoryKind kind = event.before >= 0  ? HistoryKind::Older
                             : event.after >= 0 ? HistoryKind::Missed
                                                : HistoryKind::Recent;
    if (kind != HistoryKind::Older) {
        for (const ChatMessage &message : event.messages)
            see(message.id);
    }
    emit historyReceived(event.messages, kind, event.hasMore);
    // Catching up: keep asking until nothing missed is left.
    if (event.after >= 0 && event.hasMore && !event.messages.isEmpty())
        m_socket.sendTextMessage(encodeHistoryRequest(-1, event.messages.last().id,
                                                      Tertulia::ClientPolicy::kCatchUpPage));
}

void ChatConnection::on(const Events::Typing &event)
{
    emit typingReceived(event.name);
}

void ChatConnection::on(const Events::Error &event)
{
    const ErrorSpec *spec = errorSpecNamed(event.code);
    const ClientAction action = spec ? spec->action : ClientAction::Show;
    if (!event.clientId.isEmpty() && action == ClientAction::NotSent) {
        // The host refused this message for what it is: resending cannot help.
        m_outbox.removeIf([&](const Outgoing &m) { return m.clientId == event.clientId; });
        m_files.finished(event.clientId);
        emit messageFailed(event.clientId, wordsFor(spec, event.reason));
        return;
    }
    switch (action) {
    case ClientAction::Stop:
    case ClientAction::AskName:
    case ClientAction::AskPassword:
        stopFor(*spec, wordsFor(spec, event.reason));
        return;
    case ClientAction::Retry:
        if (!event.clientId.isEmpty() && !m_resendTimer.isActive()) {
            m_resendTimer.start(m_resendDelayMs);
            m_resendDelayMs = std::min(2 * m_resendDelayMs, Tertulia::ClientPolicy::kMaxResendMs);
        }
        emit errorReceived(event.code, wordsFor(spec, event.reason));
        return;
    default:
        emit errorReceived(event.code, wordsFor(spec, event.reason));
    }
}

void ChatConnection::on(const Events::RoomEnded &event)
{
    const ErrorSpec &ended = errorSpec(ErrorCode::RoomEnded);
    stopFor(ended, event.reason.isEmpty() ? QString::fromUtf8(ended.sentence) : event.reason);
}

void ChatConnection::stopFor(const ErrorSpec &spec, const QString &reason)
{
    qCInfo(lcClient).noquote() << "Stopped by the host:" << spec.name << reason;
    m_wantOpen = false;
    m_reconnectTimer.stop();
    setState(State::Disconnected);
    switch (spec.action) {
    case ClientAction::AskName:
        emit nameRefused(reason); // retrying with the same name cannot succeed
        break;
    case ClientAction::AskPassword:
        emit passwordRefused(reason);
        break;
    default:
        if (spec.code == ErrorCode::RoomEnded || spec.code == ErrorCode::Removed) {
            m_members.clear(); // nobody is "in the room" for this client any more
            m_membersComplete = true;
            m_memberCount = 0;
            emit membersChanged(m_members);
        }
        // What was still waiting is not sent, and is not sent later behind the person's back.
        for (const Outgoing &message : std::exchange(m_outbox, {}))
            emit messageFailed(message.clientId, reason);
        for (const QString &file : m_files.dropAll())
            emit messageFailed(file, reason);
        emit stopped(QString::fromLatin1(spec.name), reason);
        break;
    }
}

QString ChatConnection::problemWithMessage(const QString &text) const
{
    if (const auto problem = problemWithMessageText(text, m_limits.messageLength))
        return problem->reason;
    return {};
}

void ChatConnection::transmit(const Outgoing &message)
{
    m_socket.sendTextMessage(encodeChatRequest(m_name, message.text, message.clientId, message.to));
}

void ChatConnection::see(qint64 id)
{
    m_lastSeenId = std::max(m_lastSeenId, id);
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcClient) << "Connection state" << int(state);
    emit stateChanged(state);
}
