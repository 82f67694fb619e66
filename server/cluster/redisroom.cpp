#include "redisroom.h"

#include "clusterlog.h"
#include "names.h"
#include "redisscripts.h"
#include "sharedrecords.h"

using Tertulia::Names::uniquenessKey;

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QUuid>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kSequence = "tertulia:seq";
constexpr auto kLog = "tertulia:log";
constexpr auto kNames = "tertulia:names";
constexpr auto kClaims = "tertulia:claims";
constexpr auto kLocked = "tertulia:locked";
constexpr auto kPassword = "tertulia:password"; // "" once removed: set means a window chose
constexpr auto kChannel = "tertulia:events";
constexpr auto kNodePrefix = "tertulia:node:";
constexpr auto kSentPrefix = "tertulia:sent:";
constexpr int kResendWindowSeconds = 24 * 3600; // a resend this late is still recognised
constexpr int kCatchUpPage = 500;

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

RedisRoom::RedisRoom(const RedisAddress &address, qint64 keepMessages, QObject *parent)
    : SharedRoom(parent),
      m_link(address),
      m_subscriber(address, kChannel),
      m_address(address),
      m_node(QUuid::createUuid().toByteArray(QUuid::Id128).left(12)),
      m_keepMessages(keepMessages)
{
    connect(&m_subscriber, &RedisSubscriber::received, this, &RedisRoom::onReceived);
    connect(&m_subscriber, &RedisSubscriber::lost, this, &RedisRoom::goDown);
    connect(&m_beat, &QTimer::timeout, this, &RedisRoom::beat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisRoom::tryReconnect);
}

RedisRoom::~RedisRoom()
{
    if (m_up)
        m_link.run({"DEL", kNodePrefix + m_node});
}

bool RedisRoom::open(qint64 lastId, QString *errorString)
{
    m_delivered = lastId;
    if (!connectAll()) {
        *errorString = m_link.isUp() ? m_subscriber.errorString() : m_link.errorString();
        return false;
    }
    m_up = true;
    m_beat.start(kBeatMs);
    qCInfo(lcCluster).noquote() << "Sharing the room through" << m_address.toString() << "as host"
                                << node();
    return catchUp(-1) && tellWhoIsIn();
}

bool RedisRoom::tellWhoIsIn()
{
    const bool locked = isLocked();
    const QList<SharedMember> others = members();
    const QList<RedisReply> password = run({{"GET", kPassword}});
    if (!m_up)
        return false;
    emit lockChanged(locked);
    if (password.first().get()->type == REDIS_REPLY_STRING) // else this host's own stands
        emit passwordChanged(password.first().text());
    for (const SharedMember &member : others) {
        m_otherNodes.insert(member.node);
        emit memberChanged(member);
    }
    return true;
}

bool RedisRoom::connectAll()
{
    if (!m_link.connect() || !loadScripts() || !m_subscriber.start())
        return false;
    const RedisReply beat
            = m_link.run({"SET", kNodePrefix + m_node, number(nowMs()), "PX", number(kBeatTtlMs)});
    return !beat.isNull() && !beat.isError();
}

bool RedisRoom::loadScripts()
{
    const QList<RedisReply> replies = m_link.run({{"SCRIPT", "LOAD", RedisScripts::kAppend},
                                                  {"SCRIPT", "LOAD", RedisScripts::kClaim},
                                                  {"SCRIPT", "LOAD", RedisScripts::kHold},
                                                  {"SCRIPT", "LOAD", RedisScripts::kRelease}});
    if (replies.size() != 4)
        return false;
    for (const RedisReply &reply : replies) {
        if (reply.isError())
            return false;
    }
    m_appendScript = replies[0].text();
    m_claimScript = replies[1].text();
    m_holdScript = replies[2].text();
    m_releaseScript = replies[3].text();
    return true;
}

QList<RedisReply> RedisRoom::run(const QList<QByteArrayList> &commands)
{
    if (!m_up)
        return {};
    QList<RedisReply> replies = m_link.run(commands);
    if (replies.isEmpty())
        goDown();
    return replies;
}

std::optional<SharedRoom::Sequenced> RedisRoom::append(const StoredMessage &message)
{
    const QByteArray resendKey = message.clientId.isEmpty()
                                         ? QByteArray()
                                         : kSentPrefix + uniquenessKey(message.name).toUtf8() + ':'
                                                   + message.clientId.toUtf8();
    const QList<RedisReply> replies
            = run({{"EVALSHA", m_appendScript, "2", kSequence, kLog, resendKey,
                    SharedRecords::message(message), number(m_keepMessages), kChannel,
                    number(m_delivered), number(kResendWindowSeconds)}});
    if (replies.isEmpty())
        return std::nullopt;
    const redisReply *reply = replies.first().get();
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
        qCWarning(lcCluster).noquote()
                << "Redis did not store a message:" << replies.first().text();
        return std::nullopt;
    }
    return Sequenced{reply->element[0]->integer, reply->element[1]->integer == 1};
}

SharedRoom::NameClaim RedisRoom::claimName(const SharedMember &member, const QString &resumeToken)
{
    const QList<RedisReply> replies = run(
            {{"EVALSHA", m_claimScript, "2", kNames, kClaims, uniquenessKey(member.name).toUtf8(),
              resumeToken.toUtf8(), m_node, SharedRecords::member(member), kNodePrefix}});
    if (replies.isEmpty() || replies.first().isError())
        return {NameClaim::Unreachable};
    const qint64 generation = replies.first().integer();
    return generation > 0 ? NameClaim{NameClaim::Free, generation} : NameClaim{NameClaim::Taken};
}

void RedisRoom::holdName(const SharedMember &member, const QString &resumeToken)
{
    run({{"EVALSHA", m_holdScript, "1", kNames, uniquenessKey(member.name).toUtf8(), m_node,
          SharedRecords::member(member, resumeToken), kChannel,
          "p " + SharedRecords::member(member)}});
}

void RedisRoom::releaseName(const QString &name)
{
    run({{"EVALSHA", m_releaseScript, "1", kNames, uniquenessKey(name).toUtf8(), m_node, kChannel,
          "l " + SharedRecords::naming(name, node())}});
}

void RedisRoom::typing(const QString &name)
{
    publish('t', SharedRecords::naming(name, node()));
}

void RedisRoom::remove(const QString &name)
{
    publish('x', SharedRecords::naming(name, node()));
}

void RedisRoom::setLocked(bool locked)
{
    run({locked ? QByteArrayList{"SET", kLocked, "1"} : QByteArrayList{"DEL", kLocked},
         {"PUBLISH", kChannel, locked ? "k 1" : "k 0"}});
}

void RedisRoom::setPassword(const QByteArray &record)
{
    // "-": a message needs a body; no record has that one.
    run({{"SET", kPassword, record},
         {"PUBLISH", kChannel, "w " + (record.isEmpty() ? QByteArray("-") : record)}});
}

bool RedisRoom::isLocked()
{
    const QList<RedisReply> replies = run({{"EXISTS", kLocked}});
    return !replies.isEmpty() && replies.first().integer() == 1;
}

QList<SharedMember> RedisRoom::members()
{
    QList<SharedMember> found;
    const QList<RedisReply> replies = run({{"HGETALL", kNames}});
    if (replies.isEmpty() || replies.first().get()->type != REDIS_REPLY_ARRAY)
        return found;
    const redisReply *all = replies.first().get();
    QHash<QString, bool> alive;
    for (size_t i = 1; i < all->elements; i += 2) {
        std::optional<SharedMember> member
                = SharedRecords::member(RedisReply::text(all->element[i]));
        if (!member || member->node == node())
            continue;
        if (!alive.contains(member->node)) {
            const QList<RedisReply> beat = run({{"EXISTS", kNodePrefix + member->node.toUtf8()}});
            alive.insert(member->node, !beat.isEmpty() && beat.first().integer() == 1);
        }
        if (alive.value(member->node))
            found.append(*member);
    }
    return found;
}

void RedisRoom::publish(char kind, const QByteArray &json)
{
    run({{"PUBLISH", kChannel, QByteArray(1, kind) + ' ' + json}});
}

void RedisRoom::onReceived(const QByteArray &payload)
{
    if (payload.size() < 3 || payload[1] != ' ')
        return;
    const QByteArray body = payload.mid(2);
    switch (payload[0]) {
    case 'm': {
        const qsizetype space = body.indexOf(' ');
        onMessage(body.left(space).toLongLong(), body.mid(space + 1));
        break;
    }
    case 'p':
        if (const std::optional<SharedMember> member = SharedRecords::member(body);
            member && member->node != node()) {
            m_otherNodes.insert(member->node);
            emit memberChanged(*member);
        }
        break;
    case 'l':
        if (const auto naming = SharedRecords::naming(body); naming && naming->second != node())
            emit memberLeft(naming->first, naming->second);
        break;
    case 't':
        if (const auto naming = SharedRecords::naming(body); naming && naming->second != node())
            emit typingElsewhere(naming->first);
        break;
    case 'x':
        if (const auto naming = SharedRecords::naming(body))
            emit removalAsked(naming->first);
        break;
    case 'k':
        emit lockChanged(body == "1");
        break;
    case 'w':
        emit passwordChanged(body == "-" ? QByteArray() : body);
        break;
    }
}

void RedisRoom::onMessage(qint64 id, const QByteArray &record)
{
    if (id <= m_delivered)
        return; // already caught up
    if (id > m_delivered + 1 && !catchUp(id - 1))
        return;
    if (const std::optional<StoredMessage> message = SharedRecords::message(id, record))
        emit stored(*message);
    m_delivered = id;
}

bool RedisRoom::catchUp(qint64 untilId)
{
    const QByteArray until = untilId < 0 ? QByteArray("+") : number(untilId) + "-1";
    for (;;) {
        const QList<RedisReply> replies = run({{"XRANGE", kLog, number(m_delivered + 1) + "-0",
                                                until, "COUNT", number(kCatchUpPage)}});
        if (replies.isEmpty())
            return false;
        const redisReply *entries = replies.first().get();
        if (entries->type != REDIS_REPLY_ARRAY)
            return false;
        for (size_t i = 0; i < entries->elements; ++i) {
            const redisReply *entry = entries->element[i];
            const qint64 id = RedisReply::text(entry->element[0]).split('-').first().toLongLong();
            const redisReply *fields = entry->element[1];
            if (fields->elements >= 2) {
                if (auto message = SharedRecords::message(id, RedisReply::text(fields->element[1])))
                    emit stored(*message);
            }
            m_delivered = std::max(m_delivered, id);
        }
        if (entries->elements < size_t(kCatchUpPage))
            break;
    }
    // What the stream no longer has (trimmed) is not waited for.
    m_delivered = std::max(m_delivered, untilId);
    return true;
}

void RedisRoom::beat()
{
    QList<QByteArrayList> commands{
            {"SET", kNodePrefix + m_node, number(nowMs()), "PX", number(kBeatTtlMs)}};
    const QList<QString> others(m_otherNodes.cbegin(), m_otherNodes.cend());
    for (const QString &other : others)
        commands.append({"EXISTS", kNodePrefix + other.toUtf8()});
    const QList<RedisReply> replies = run(commands);
    if (replies.size() != commands.size())
        return;
    const qint64 now = nowMs();
    for (qsizetype i = 0; i < others.size(); ++i) {
        const QString &other = others[i];
        if (replies[i + 1].integer() == 1) {
            m_silentSinceMs.remove(other);
            continue;
        }
        // Missing for a while as seen from here, connected: a Redis that just came back has
        // not heard from the others yet.
        const qint64 since = m_silentSinceMs.value(other, now);
        m_silentSinceMs.insert(other, since);
        if (now - since >= 2 * kBeatMs) {
            m_silentSinceMs.remove(other);
            m_otherNodes.remove(other);
            qCInfo(lcCluster).noquote()
                    << "Host" << other << "stopped beating; its members are away";
            emit nodeLost(other);
        }
    }
}

void RedisRoom::goDown()
{
    if (!m_up)
        return;
    m_up = false;
    m_beat.stop();
    m_subscriber.stop();
    m_link.disconnect();
    m_silentSinceMs.clear();
    qCWarning(lcCluster).noquote()
            << "Lost Redis at" << m_address.toString() << "; messages are refused until it is back";
    emit lost();
    m_backoffMs = 250;
    m_reconnect.start(m_backoffMs);
}

void RedisRoom::tryReconnect()
{
    if (!connectAll()) {
        m_subscriber.stop();
        m_link.disconnect();
        m_backoffMs = std::min(2 * m_backoffMs, kMaxBackoffMs);
        m_reconnect.start(m_backoffMs);
        return;
    }
    m_up = true;
    m_beat.start(kBeatMs);
    if (!catchUp(-1) || !tellWhoIsIn())
        return;
    qCInfo(lcCluster).noquote() << "Redis at" << m_address.toString() << "is back";
    emit reconnected();
}
