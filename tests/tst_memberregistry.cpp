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
    void aMemberIsItsTokenNotItsName();
    void membersOfOtherHostsAreListedButNotConnected();
    void aMemberThatMovesToAnotherHostIsReplacedHereUnlessTheNewsIsOld();

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
    registry.voidTokenOf(u"Zed"_s);
    QCOMPARE(registry.removeAway(u"zed"_s), u"Zed"_s);
    // The name is free again, but the old token buys nothing: Zed comes back as a newcomer,
    // with a new token (and the host may still refuse the address).
    const auto again = registry.claim(&comeback, u"Zed"_s, token, true, m_address, m_wallNow);
    QCOMPARE(again.outcome, MemberRegistry::Outcome::Joined);
    QVERIFY(again.resumeToken != token);
}

void tst_MemberRegistry::aMemberIsItsTokenNotItsName()
{
    // Direct messages and their files follow the member: the same after a reconnection, after
    // its name was let go and taken back with its token (a host restart, a long absence), on
    // any host of the room; another member for anyone who takes the name without the token.
    MemberRegistry registry(kGraceMs);
    QWebSocket bea, beaAgain, newcomer, later;
    const auto first = registry.claim(&bea, u"Bea"_s, {}, true, m_address, m_wallNow);
    const QString member = registry.memberIdOf(u"Bea"_s);
    QCOMPARE(member.size(), 32);
    QCOMPARE(registry.memberIdOf(u"BEA"_s), member); // looked up by name, ignoring case
    registry.release(&bea, false, 0);
    QCOMPARE(registry.claim(&beaAgain, u"Bea"_s, first.resumeToken, true, m_address, m_wallNow)
                     .outcome,
             MemberRegistry::Outcome::Resumed);
    QCOMPARE(registry.memberIdOf(u"Bea"_s), member);
    registry.release(&beaAgain, true, 1); // she leaves; the name is free
    QVERIFY(registry.memberIdOf(u"Bea"_s).isEmpty());

    const auto other = registry.claim(&newcomer, u"BEA"_s, {}, true, m_address, m_wallNow);
    QCOMPARE(other.outcome, MemberRegistry::Outcome::Joined);
    QVERIFY(registry.memberIdOf(u"BEA"_s) != member);
    registry.release(&newcomer, true, 2);
    // A token that is not one the host makes is not taken as one.
    registry.claim(&newcomer, u"Bea"_s, u"0000"_s, true, m_address, m_wallNow);
    QVERIFY(registry.memberIdOf(u"Bea"_s) != member);
    registry.release(&newcomer, true, 3);

    const auto back
            = registry.claim(&later, u"Bea"_s, first.resumeToken, true, m_address, m_wallNow);
    QCOMPARE(back.outcome, MemberRegistry::Outcome::Joined);
    QCOMPARE(back.resumeToken, first.resumeToken);
    QCOMPARE(registry.memberIdOf(u"Bea"_s), member);
    // The same name and token make the same member on any host (nothing is kept to say so).
    MemberRegistry elsewhere(kGraceMs);
    QWebSocket there;
    elsewhere.claim(&there, u"bea"_s, first.resumeToken, true, m_address, m_wallNow);
    QCOMPARE(elsewhere.memberIdOf(u"bea"_s), member);
}

void tst_MemberRegistry::membersOfOtherHostsAreListedButNotConnected()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket ana;
    registry.claim(&ana, u"Ana"_s, {}, true, m_address, m_wallNow);
    QCOMPARE(registry.placeRemote(u"Bea"_s, u"node-b"_s, m_wallNow, false, false, 7),
             MemberRegistry::Placed::Joined);
    QCOMPARE(registry.count(), 2);
    QVERIFY(registry.isRemote(u"bea"_s));
    QCOMPARE(registry.connectionOf(u"Bea"_s), nullptr); // sent nothing from here
    QCOMPARE(registry.connections(), QList<QWebSocket *>{&ana});
    QCOMPARE(registry.localNames(), QStringList{u"Ana"_s});
    QCOMPARE(registry.remoteOn(u"node-b"_s), QStringList{u"Bea"_s});
    QCOMPARE(registry.remoteOn({}), QStringList{}); // never this host's own
    // Present unless its host says away; taken here as anywhere, and never "away" by our clock.
    QVERIFY(!registry.members().last().away);
    QWebSocket other;
    QCOMPARE(registry.claim(&other, u"BEA"_s, {}, true, m_address, m_wallNow).outcome,
             MemberRegistry::Outcome::Refused);
    QCOMPARE(registry.placeRemote(u"Bea"_s, u"node-b"_s, m_wallNow, false, true, 7),
             MemberRegistry::Placed::Changed);
    QVERIFY(registry.members().last().away);
    QVERIFY(registry.expire(std::numeric_limits<qint64>::max() / 2).isEmpty());
    QVERIFY(registry.removeAway(u"Bea"_s).isEmpty()); // only its own host lets it go
    QCOMPARE(registry.removeRemote(u"Bea"_s, u"node-c"_s), QString());
    QCOMPARE(registry.removeRemote(u"Bea"_s, u"node-b"_s), u"Bea"_s);
    QCOMPARE(registry.count(), 1);
}

void tst_MemberRegistry::aMemberThatMovesToAnotherHostIsReplacedHereUnlessTheNewsIsOld()
{
    MemberRegistry registry(kGraceMs);
    QWebSocket ana;
    registry.claim(&ana, u"Ana"_s, {}, true, m_address, m_wallNow);
    registry.setGeneration(u"Ana"_s, 5);
    QWebSocket *replaced = nullptr;
    // News of an earlier claim (generation 4) arrives late: Ana stays here.
    QCOMPARE(registry.placeRemote(u"Ana"_s, u"node-b"_s, m_wallNow, false, true, 4, {}, &replaced),
             MemberRegistry::Placed::Same);
    QCOMPARE(replaced, nullptr);
    QCOMPARE(registry.connectionOf(u"Ana"_s), &ana);
    // A newer claim on another host (her resume token, there): her connection here is replaced.
    QCOMPARE(registry.placeRemote(u"Ana"_s, u"node-b"_s, m_wallNow, false, false, 6, {}, &replaced),
             MemberRegistry::Placed::Changed);
    QCOMPARE(replaced, &ana);
    QCOMPARE(registry.nameOf(&ana), QString());
    QCOMPARE(registry.nodeOf(u"Ana"_s), u"node-b"_s);
    QCOMPARE(registry.release(&ana, false, 0), QString()); // its close changes nothing more

    // An away member here that comes back elsewhere is no longer counted as away here.
    QWebSocket bo;
    registry.claim(&bo, u"Bo"_s, {}, true, m_address, m_wallNow);
    registry.release(&bo, false, 1000);
    QCOMPARE(registry.nextExpiryMs(), std::optional<qint64>(1000 + kGraceMs));
    registry.placeRemote(u"Bo"_s, u"node-b"_s, m_wallNow, false, false, 9);
    QCOMPARE(registry.nextExpiryMs(), std::optional<qint64>());
    QVERIFY(registry.expire(1000 + kGraceMs).isEmpty());
}

QTEST_GUILESS_MAIN(tst_MemberRegistry)
#include "tst_memberregistry.moc"
