// MemberRegistry alone: names bound to connections, look-alikes refused, the grace period of a
// member who dropped counted on the monotonic clock it is given, whatever the wall clock does.

#include "memberregistry.h"

#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>

using namespace Qt::StringLiterals;

class tst_MemberRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void bindsNamesToConnections();
    void refusesTakenAndLookalikeNames();
    void theOwnerReclaimsAnAwayName();
    void graceEndsOnTheMonotonicClockWhateverTheWallClockSays();
    void awayMembersExpireInOrderAndComeBackOffTheQueue();
    void anAddressHoldsAtMostSoManyAwayNames();
    void aRemovedMembersTokenIsVoid();

private:
    static constexpr qint64 kGraceMs = 60'000;
    const QHostAddress m_address{u"192.0.2.7"_s};
    const QDateTime m_wallNow = QDateTime::currentDateTimeUtc();
};

void tst_MemberRegistry::bindsNamesToConnections()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket ana, bo;
    QCOMPARE(registry.claim(&ana, u"Ana"_s, {}, true, m_address, m_wallNow).outcome,
             MemberRegistry::Outcome::Joined);
    QCOMPARE(registry.claim(&bo, u"Bo"_s, {}, false, m_address, m_wallNow).outcome,
             MemberRegistry::Outcome::Joined);
    QCOMPARE(registry.nameOf(&ana), u"Ana"_s);
    QCOMPARE(registry.connectionOf(u"ANA"_s), &ana);
    QCOMPARE(registry.spellingOf(u"bo"_s), u"Bo"_s);
    QVERIFY(registry.isResumable(&ana));
    QVERIFY(!registry.isResumable(&bo));
    QCOMPARE(registry.connections(), (QList<QWebSocket *>{&ana, &bo}));

    QCOMPARE(registry.release(&bo, true, 0), u"Bo"_s);
    QVERIFY(!registry.isMember(u"Bo"_s));
    QVERIFY(registry.release(&bo, true, 0).isEmpty()); // already gone
}

void tst_MemberRegistry::refusesTakenAndLookalikeNames()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket ana, other, lookalike;
    registry.claim(&ana, u"Ana"_s, {}, true, m_address, m_wallNow);

    const auto taken = registry.claim(&other, u"ana"_s, {}, true, m_address, m_wallNow);
    QCOMPARE(taken.outcome, MemberRegistry::Outcome::Refused);
    QCOMPARE(taken.error.code, Tertulia::ErrorCode::NameTaken);
    // A Cyrillic "а" looks like the Latin one.
    const auto similar = registry.claim(&lookalike, u"\u0410na"_s, {}, true, m_address, m_wallNow);
    QCOMPARE(similar.outcome, MemberRegistry::Outcome::Refused);
    QVERIFY(similar.error.reason.contains(u"looks too much like"_s));
    QVERIFY(registry.nameOf(&other).isEmpty());
}

void tst_MemberRegistry::theOwnerReclaimsAnAwayName()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket first, stranger, again;
    const QString token
            = registry.claim(&first, u"Ana"_s, {}, true, m_address, m_wallNow).resumeToken;
    bool left = true;
    QCOMPARE(registry.release(&first, false, 1000, &left), u"Ana"_s);
    QVERIFY(!left);
    QVERIFY(registry.members().first().away);
    QVERIFY(!registry.connectionOf(u"Ana"_s));

    QCOMPARE(registry.claim(&stranger, u"Ana"_s, u"guess"_s, true, m_address, m_wallNow).outcome,
             MemberRegistry::Outcome::Refused);
    const auto back = registry.claim(&again, u"Ana"_s, token, true, m_address, m_wallNow);
    QCOMPARE(back.outcome, MemberRegistry::Outcome::Resumed);
    QCOMPARE(back.replaced, nullptr);
    QCOMPARE(registry.connectionOf(u"Ana"_s), &again);
    QVERIFY(!registry.nextExpiryMs()); // nobody is away now
    QVERIFY(registry.expire(1000 + kGraceMs).isEmpty());
}

void tst_MemberRegistry::graceEndsOnTheMonotonicClockWhateverTheWallClockSays()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket ana, bo;
    // Ana joined by a wall clock an hour fast and Bo by one that then stepped back a day: the
    // times shown as "since" are theirs, but only the monotonic milliseconds count for grace.
    registry.claim(&ana, u"Ana"_s, {}, true, m_address, m_wallNow.addSecs(3600));
    registry.claim(&bo, u"Bo"_s, {}, true, m_address, m_wallNow.addDays(-1));
    registry.release(&ana, false, 5'000);
    registry.release(&bo, false, 5'001);

    QCOMPARE(registry.nextExpiryMs(), std::optional<qint64>(5'000 + kGraceMs));
    QVERIFY(registry.expire(5'000 + kGraceMs - 1).isEmpty());
    QCOMPARE(registry.members().size(), 2);
    QCOMPARE(registry.expire(5'000 + kGraceMs), QStringList{u"Ana"_s});
    QCOMPARE(registry.expire(5'001 + kGraceMs), QStringList{u"Bo"_s});
    QVERIFY(registry.members().isEmpty());
    QVERIFY(!registry.nextExpiryMs());
}

void tst_MemberRegistry::awayMembersExpireInOrderAndComeBackOffTheQueue()
{
    MemberRegistry registry(kGraceMs);
    constexpr int kMembers = 2000;
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    QStringList tokens;
    for (int i = 0; i < kMembers; ++i) {
        sockets.push_back(std::make_unique<QWebSocket>());
        // Each from its own address, so the per-address cap does not apply.
        const QHostAddress address(quint32(0x0A000000 + i));
        tokens.append(
                registry.claim(sockets.back().get(), u"m%1"_s.arg(i), {}, true, address, m_wallNow)
                        .resumeToken);
    }
    for (int i = 0; i < MemberRegistry::kMaxAway; ++i)
        registry.release(sockets[i].get(), false, i);
    // Beyond the room's cap, a drop is a leave.
    bool left = false;
    registry.release(sockets[MemberRegistry::kMaxAway].get(), false, 0, &left);
    QVERIFY(left);

    // Half come back, then drop again later: their first deadline no longer counts.
    QWebSocket returning;
    QCOMPARE(registry.claim(&returning, u"m0"_s, tokens[0], true, m_address, m_wallNow).outcome,
             MemberRegistry::Outcome::Resumed);
    registry.release(&returning, false, 10'000);

    const QStringList early = registry.expire(kGraceMs + 9);
    QCOMPARE(early.size(), 9); // m1 … m9; m0 went away again at 10 000
    QCOMPARE(early.first(), u"m1"_s);
    QCOMPARE(registry.nextExpiryMs(), std::optional<qint64>(10 + kGraceMs));
    const QStringList rest = registry.expire(10'000 + kGraceMs);
    QCOMPARE(rest.size(), MemberRegistry::kMaxAway - 9);
    QCOMPARE(rest.last(), u"m0"_s);
    QCOMPARE(registry.members().size(), kMembers - MemberRegistry::kMaxAway - 1);
}

void tst_MemberRegistry::anAddressHoldsAtMostSoManyAwayNames()
{
    MemberRegistry registry(kGraceMs);
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int away = 0;
    for (int i = 0; i < MemberRegistry::kMaxAwayPerAddress + 3; ++i) {
        sockets.push_back(std::make_unique<QWebSocket>());
        registry.claim(sockets.back().get(), u"p%1"_s.arg(i), {}, true, m_address, m_wallNow);
        bool left = false;
        registry.release(sockets.back().get(), false, i, &left);
        away += left ? 0 : 1;
    }
    QCOMPARE(away, MemberRegistry::kMaxAwayPerAddress);
}

void tst_MemberRegistry::aRemovedMembersTokenIsVoid()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket zed, comeback;
    const QString token
            = registry.claim(&zed, u"Zed"_s, {}, true, m_address, m_wallNow).resumeToken;
    registry.release(&zed, false, 0);
    QCOMPARE(registry.removeAway(u"zed"_s), u"Zed"_s);
    // The name is free again, but the old token buys nothing: Zed comes back as a newcomer,
    // with a new token (and the host may still refuse the address).
    const auto again = registry.claim(&comeback, u"Zed"_s, token, true, m_address, m_wallNow);
    QCOMPARE(again.outcome, MemberRegistry::Outcome::Joined);
    QVERIFY(again.resumeToken != token);
}

QTEST_GUILESS_MAIN(tst_MemberRegistry)
#include "tst_memberregistry.moc"
