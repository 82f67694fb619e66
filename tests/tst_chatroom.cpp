// The room's memory over real sockets: history on join, paging, catch-up, resends stored once,
// names reclaimed after a drop, and history kept across a restart of the host.

#include "chatroom.h"
#include "messagestore.h"
#include "support/rawwebsocket.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_ChatRoom final : public QObject
{
    Q_OBJECT

private slots:
    void lateJoinerReceivesRecentHistoryFirst();
    void backlogLimitsTheRecentPage();
    void anUnreadableHistoryIsAnErrorNotAnEmptyPage();
    void pagesAtTheBoundaries();
    void catchUpDeliversExactlyWhatWasMissed();
    void catchUpLongerThanAPageComesInPages();
    void heavyHistoryComesInPagesThatFitTheQueue_data();
    void heavyHistoryComesInPagesThatFitTheQueue();
    void aPageWaitingForTheQueueGoesOutAsItDrains();
    void historyReadsFromOneAddressAreBudgeted();
    void resentMessageIsStoredAndDeliveredOnce();
    void framesReadTogetherKeepTheirOrder();
    void droppedMemberReclaimsTheNameQuietly();
    void awayMemberLeavesAfterTheGracePeriod();
    void seedClientsLeaveAtOnceWhenTheyDrop();
    void leaveRequestLeavesAtOnce();
    void secondConnectionWithTheTokenReplacesTheFirst();
    void historySurvivesARestart();
    void pagesStopAtTheRetentionLimit();
    void hostRemovesAMember();
    void hostRemovesAnAwayMemberAndFreesTheName();
    void largeRoomsSendASummaryAndListsOnRequest();
    void directMessageReachesOnlyItsRecipient();
    void directMessagesAreReplayedOnlyToTheirParties();
    void lockedRoomTakesNoNewcomersButKeepsItsMembers();

private:
    static std::unique_ptr<TestClient> join(TestHost &host, const QString &query);
    // Opens `client` as `name`, asking for a name that survives a dropped connection: the
    // resume token from its welcome (empty if it did not get one).
    static QString joinResumable(TestHost &host, TestClient &client, const QString &name);
    static qint64 say(TestClient &client, const QString &text, const QString &clientId = {});
    static QList<qint64> ids(const QJsonObject &history);
    // Waits for a presence event telling `client` that `name` left.
    static bool seesLeave(TestClient &client, const QString &name);
    static QStringList texts(const QList<QJsonObject> &messages);
    // Says `count` messages of 4 000 characters, 16 KB each in UTF-8.
    static bool sayHeavily(TestClient &client, int count);
};

bool tst_ChatRoom::sayHeavily(TestClient &client, int count)
{
    QString heavy;
    for (int i = 0; i < 3996; ++i) // and the number before them: 4 000 characters at most
        heavy += u"😀"_s;
    for (int i = 1; i <= count; ++i) {
        if (say(client, QString::number(i) + heavy) <= 0)
            return false;
    }
    return true;
}

bool tst_ChatRoom::seesLeave(TestClient &client, const QString &name)
{
    return !client.nextWhere(u"presence"_s, [&name](const QJsonObject &event) {
                      return event.value("left").toArray().contains(name);
                  }).isEmpty();
}

QStringList tst_ChatRoom::texts(const QList<QJsonObject> &messages)
{
    QStringList result;
    for (const QJsonObject &message : messages)
        result.append(message.value("message").toString());
    return result;
}

std::unique_ptr<TestClient> tst_ChatRoom::join(TestHost &host, const QString &query)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(host.socketUrl(query)) || client->next(u"welcome"_s).isEmpty())
        return nullptr;
    return client;
}

QString tst_ChatRoom::joinResumable(TestHost &host, TestClient &client, const QString &name)
{
    if (!client.open(host.socketUrl(u"name=%1&resume="_s.arg(name))))
        return {};
    return client.next(u"welcome"_s).value("resume").toString();
}

qint64 tst_ChatRoom::say(TestClient &client, const QString &text, const QString &clientId)
{
    QJsonObject message{{"message", text}};
    if (!clientId.isEmpty())
        message.insert("clientId", clientId);
    client.send(message);
    return client.next(u"ack"_s).value("id").toInteger(-1);
}

QList<qint64> tst_ChatRoom::ids(const QJsonObject &history)
{
    QList<qint64> result;
    for (const QJsonValue &message : history.value("messages").toArray())
        result.append(message.toObject().value("id").toInteger());
    return result;
}

void tst_ChatRoom::lateJoinerReceivesRecentHistoryFirst()
{
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    QVERIFY(bea);
    for (const QString &text : {u"uno"_s, u"dos"_s, u"tres"_s})
        QVERIFY(say(*bea, text) > 0);

    TestClient caro;
    QVERIFY(caro.open(host.socketUrl(u"name=Caro"_s)));
    QTRY_VERIFY(caro.events.size() >= 2);
    QCOMPARE(caro.events.at(0).value("type").toString(), u"welcome"_s);
    QCOMPARE(caro.events.at(1).value("type").toString(), u"history"_s);
    const QJsonArray messages = caro.events.at(1).value("messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).toObject().value("message").toString(), u"uno"_s);
    QCOMPARE(messages.at(2).toObject().value("name").toString(), u"Bea"_s);
    QVERIFY(!caro.events.at(1).value("hasMore").toBool());
}

void tst_ChatRoom::backlogLimitsTheRecentPage()
{
    TestHost host;
    host.settings.backlog = 5;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    for (int i = 1; i <= 8; ++i)
        say(*bea, QString::number(i));
    auto caro = join(host, u"name=Caro"_s);
    const QJsonObject history = caro->next(u"history"_s);
    QCOMPARE(ids(history), (QList<qint64>{4, 5, 6, 7, 8}));
    QVERIFY(history.value("hasMore").toBool());
}

void tst_ChatRoom::pagesAtTheBoundaries()
{
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    const QJsonObject empty = ana->next(u"history"_s);
    QVERIFY(ids(empty).isEmpty());
    QVERIFY(!empty.value("hasMore").toBool());
    ana->send({{"type", "history"}, {"before", 1}});
    QVERIFY(ids(ana->next(u"history"_s)).isEmpty());

    for (int i = 1; i <= 10; ++i)
        say(*ana, QString::number(i));
    // Exactly one page: nothing more beyond it.
    ana->send({{"type", "history"}, {"before", 11}, {"limit", 10}});
    QJsonObject page = ana->next(u"history"_s);
    QCOMPARE(ids(page).size(), 10);
    QVERIFY(!page.value("hasMore").toBool());
    QCOMPARE(page.value("before").toInteger(), 11);
    ana->send({{"type", "history"}, {"before", 8}, {"limit", 3}});
    page = ana->next(u"history"_s);
    QCOMPARE(ids(page), (QList<qint64>{5, 6, 7}));
    QVERIFY(page.value("hasMore").toBool());
    ana->send({{"type", "history"}, {"before", 1}, {"limit", 3}});
    QVERIFY(ids(ana->next(u"history"_s)).isEmpty());
    // The host caps what one request may ask for.
    ana->send({{"type", "history"}, {"after", 0}, {"limit", 100000}});
    QCOMPARE(ids(ana->next(u"history"_s)).size(), 10);
}

void tst_ChatRoom::catchUpDeliversExactlyWhatWasMissed()
{
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    auto bea = join(host, u"name=Bea"_s);
    const qint64 lastSeen = say(*ana, u"back in a minute"_s);
    ana->socket.close();
    QVERIFY(ana->waitForDisconnect());

    QList<qint64> missed;
    for (int i = 1; i <= 200; ++i)
        missed.append(say(*bea, u"while you were away %1"_s.arg(i)));
    QCOMPARE(missed.size(), 200);

    TestClient back;
    QVERIFY(back.open(host.socketUrl(u"name=Ana&since=%1"_s.arg(lastSeen))));
    const QJsonObject history = back.next(u"history"_s);
    QCOMPARE(ids(history), missed);
    QCOMPARE(history.value("after").toInteger(), lastSeen);
    QVERIFY(!history.value("hasMore").toBool());
    // Then live traffic, nothing in between.
    const qint64 live = say(*bea, u"welcome back"_s);
    QCOMPARE(back.next(u"message"_s).value("id").toInteger(), live);
    QCOMPARE(back.eventsOfType(u"history"_s).size(), 1);
}

void tst_ChatRoom::catchUpLongerThanAPageComesInPages()
{
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    for (int i = 1; i <= HistoryPager::kMaxPage + 20; ++i)
        say(*bea, QString::number(i));
    auto ana = join(host, u"name=Ana&since=0"_s);
    const QJsonObject first = ana->next(u"history"_s);
    QCOMPARE(ids(first).size(), HistoryPager::kMaxPage);
    QVERIFY(first.value("hasMore").toBool());
    ana->send({{"type", "history"}, {"after", ids(first).last()}, {"limit", 500}});
    const QJsonObject second = ana->next(u"history"_s);
    QCOMPARE(ids(second).size(), 20);
    QCOMPARE(ids(second).first(), ids(first).last() + 1);
    QVERIFY(!second.value("hasMore").toBool());
}

void tst_ChatRoom::heavyHistoryComesInPagesThatFitTheQueue_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QJsonObject>("request"); // sent after the welcome, if any
    QTest::newRow("coming back with since") << u"name=Ana&since=0"_s << QJsonObject();
    QTest::newRow("asking for all after 0")
            << u"name=Ana"_s << QJsonObject{{"type", "history"}, {"after", 0}, {"limit", 500}};
}

void tst_ChatRoom::heavyHistoryComesInPagesThatFitTheQueue()
{
    QFETCH(QString, query);
    QFETCH(QJsonObject, request);
    // 300 messages of 4 000 emoji: 16 KB each, 4.8 MB in all, more than --max-queued-bytes.
    constexpr int kMessages = 300;
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    QVERIFY(sayHeavily(*bea, kMessages));

    auto ana = join(host, query);
    QVERIFY(ana);
    if (!request.isEmpty())
        ana->send(request);
    // Followed as the page and the native client follow it: the next page after each.
    QList<qint64> received;
    QJsonObject page;
    int pages = 0;
    while (!(page = ana->nextWhere(u"history"_s, [](const QJsonObject &event) {
                return event.contains("after");
            })).isEmpty()) {
        ++pages;
        received += ids(page);
        if (!page.value("hasMore").toBool())
            break;
        ana->send({{"type", "history"}, {"after", received.last()}, {"limit", 500}});
    }
    QCOMPARE(received.size(), kMessages);
    for (int i = 1; i < received.size(); ++i)
        QCOMPARE(received.at(i), received.at(i - 1) + 1);
    QVERIFY2(pages > 1, qPrintable(QString::number(pages)));
    QCOMPARE(ana->socket.state(), QAbstractSocket::ConnectedState); // never cut off as too slow
    bea->send({{"message", "¿todo leído?"}});
    QCOMPARE(ana->next(u"message"_s).value("message").toString(), u"¿todo leído?"_s);
}

void tst_ChatRoom::aPageWaitingForTheQueueGoesOutAsItDrains()
{
    // Two pages asked for in one write: the first fills half the reader's queue in the pass,
    // the second waits for it to drain. The kernel takes the first whole when the pass ends,
    // so only the host's own word that it went out (not Qt's buffer draining) serves the second.
    TestHost host;
    host.settings.limits.maxQueuedBytes = 80 * 1024;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    QList<qint64> said;
    for (int i = 1; i <= 24; ++i) { // 4 KB each
        said.append(say(*bea, QString::number(i) + QString(3990, u'x')));
        QVERIFY(said.last() > 0);
    }
    RawWebSocket ana;
    QVERIFY(ana.open(host.port(), "/ws?name=Ana"));
    const auto pages = [&ana] {
        QList<QJsonObject> found;
        for (const QJsonObject &event : ana.events()) {
            if (event.value("type").toString() == u"history")
                found.append(event);
        }
        return found;
    };
    QTRY_COMPARE(pages().size(), 1); // the recent page on joining
    QByteArray both;
    for (const qint64 before : {said.at(20), said.at(10)}) {
        RawWebSocket::appendFrame(
                both, 0x81,
                QJsonDocument(QJsonObject{{"type", "history"}, {"before", before}, {"limit", 10}})
                        .toJson(QJsonDocument::Compact));
    }
    ana.socket.write(both);
    QTRY_COMPARE_WITH_TIMEOUT(pages().size(), 3, 10'000);
    // Each page as much as fits its budget, ending just before what was asked.
    QCOMPARE(ids(pages().at(1)).last(), said.at(19));
    QCOMPARE(ids(pages().at(2)).last(), said.at(9));
}

void tst_ChatRoom::historyReadsFromOneAddressAreBudgeted()
{
    constexpr int kAskingMs = 3000;
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    QVERIFY(sayHeavily(*bea, 300));
    auto mallory = join(host, u"name=Mallory"_s);
    QVERIFY(!mallory->next(u"history"_s).isEmpty()); // its welcome's
    QElapsedTimer elapsed;
    elapsed.start();
    // Tiny requests for the heaviest page there is, each as soon as the last is answered.
    qint64 received = 0;
    int pages = 0;
    while (elapsed.elapsed() < kAskingMs) {
        mallory->send({{"type", "history"}, {"after", 0}, {"limit", 500}});
        const QJsonObject page = mallory->next(u"history"_s);
        QVERIFY2(!page.isEmpty(), qPrintable(u"page %1"_s.arg(pages)));
        received += QJsonDocument(page).toJson(QJsonDocument::Compact).size();
        ++pages;
    }
    const qint64 allowed = HistoryPager::kBurstBytes
                           + HistoryPager::kBytesPerSecond * elapsed.elapsed() / 1000
                           + HistoryPager::kMaxPageBytes;
    QVERIFY2(received <= allowed,
             qPrintable(u"%1 bytes in %2 pages > %3"_s.arg(received).arg(pages).arg(allowed)));
    // Asking for many at once: the ones over the cap are refused, and said so.
    for (int i = 0; i < HistoryPager::kMaxPending + 4; ++i)
        mallory->send({{"type", "history"}, {"after", 0}, {"limit", 500}});
    QCOMPARE(mallory->next(u"error"_s).value("code").toString(), u"rate_limited"_s);
    // The room goes on.
    bea->send({{"message", "sigo aquí"}});
    QCOMPARE(mallory->next(u"message"_s).value("message").toString(), u"sigo aquí"_s);
}

void tst_ChatRoom::framesReadTogetherKeepTheirOrder()
{
    // Written at once, the frames are read in one pass: its messages are committed together
    // (CommitGroup) and everything still reaches everyone in the order it was sent.
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    RawWebSocket bea;
    QVERIFY(bea.open(host.port(), "/ws?name=Bea"));
    QTRY_COMPARE(host.host.room()->members().size(), 2);
    QByteArray burst;
    for (const char *frame : {R"({"message":"uno","clientId":"b1"})", R"({"type":"typing"})",
                              R"({"message":"dos","clientId":"b2"})",
                              R"({"message":"tres","clientId":"b3","to":"Ana"})",
                              R"({"message":"uno","clientId":"b1"})"}) // a resend
        RawWebSocket::appendFrame(burst, 0x81, frame);
    bea.socket.write(burst);
    QTRY_COMPARE(ana->eventsOfType(u"message"_s).size(), 3);
    QStringList seen;
    for (const QJsonObject &event : std::as_const(ana->events)) {
        const QString type = event.value("type").toString();
        if (type == u"message")
            seen.append(event.value("message").toString());
        else if (type == u"typing")
            seen.append(u"typing"_s);
    }
    QCOMPARE(seen, (QStringList{u"uno"_s, u"typing"_s, u"dos"_s, u"tres"_s}));
    QStringList acked;
    QTRY_VERIFY([&] {
        acked.clear();
        for (const QJsonObject &event : bea.events()) {
            if (event.value("type").toString() == u"ack")
                acked.append(event.value("clientId").toString());
        }
        return acked.size() == 4;
    }());
    QCOMPARE(acked, (QStringList{u"b1"_s, u"b2"_s, u"b3"_s, u"b1"_s}));
    // Committed: a newcomer reads the two room messages, once each.
    auto caro = join(host, u"name=Caro"_s);
    QStringList history;
    for (const QJsonValue &message : caro->next(u"history"_s).value("messages").toArray())
        history.append(message.toObject().value("message").toString());
    QCOMPARE(history, (QStringList{u"uno"_s, u"dos"_s}));
}

void tst_ChatRoom::resentMessageIsStoredAndDeliveredOnce()
{
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    auto bea = join(host, u"name=Bea"_s);
    const qint64 first = say(*bea, u"¿llegó?"_s, u"retry-1"_s);
    const qint64 again = say(*bea, u"¿llegó?"_s, u"retry-1"_s);
    QCOMPARE(again, first);
    say(*bea, u"marker"_s);
    QCOMPARE(ana->nextWhere(u"message"_s,
                            [](const QJsonObject &m) {
                                return m.value("message").toString() == u"marker"_s;
                            })
                     .isEmpty(),
             false);
    // Everything before the marker arrived already: the resend was not delivered again.
    int copies = 0;
    for (const QJsonObject &message : ana->eventsOfType(u"message"_s))
        copies += message.value("message").toString() == u"¿llegó?"_s;
    QCOMPARE(copies, 1);
    // And a newcomer's history holds it once.
    auto caro = join(host, u"name=Caro"_s);
    QCOMPARE(ids(caro->next(u"history"_s)).size(), 2);
}

void tst_ChatRoom::droppedMemberReclaimsTheNameQuietly()
{
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    TestClient ana;
    // An empty resume asks for a name that survives a dropped connection.
    const QString token = joinResumable(host, ana, u"Ana"_s);
    QCOMPARE(token.size(), 32);

    ana.socket.abort(); // no close frame: a blip, a closed lid, a reload
    const QJsonObject away = bea->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        const QJsonArray members = event.value("members").toArray();
        return std::any_of(members.begin(), members.end(), [](const QJsonValue &member) {
            return member.toObject().value("name") == u"Ana"_s
                   && member.toObject().value("away").toBool();
        });
    });
    QVERIFY(!away.isEmpty());
    QVERIFY(!away.value("left").toArray().contains(u"Ana"_s));

    TestClient impostor;
    QVERIFY(impostor.open(host.socketUrl(u"name=ana"_s)));
    QCOMPARE(impostor.next(u"error"_s).value("code").toString(), u"name_taken"_s);
    TestClient wrongToken;
    QVERIFY(wrongToken.open(host.socketUrl(u"name=Ana&resume=%1"_s.arg(QString(32, u'0')))));
    QCOMPARE(wrongToken.next(u"error"_s).value("code").toString(), u"name_taken"_s);

    TestClient back;
    QVERIFY(back.open(host.socketUrl(u"name=Ana&resume=%1"_s.arg(token))));
    QCOMPARE(back.next(u"welcome"_s).value("resume").toString(), token);
    const QJsonObject returned = bea->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        const QJsonArray members = event.value("members").toArray();
        return std::any_of(members.begin(), members.end(), [](const QJsonValue &member) {
            return member.toObject().value("name") == u"Ana"_s
                   && !member.toObject().value("away").toBool();
        });
    });
    QVERIFY(!returned.isEmpty());
    // Ana joined once and never left: no notices for the drop or the return.
    int joins = 0;
    for (const QJsonObject &presence : bea->eventsOfType(u"presence"_s)) {
        QVERIFY(!presence.value("left").toArray().contains(u"Ana"_s));
        joins += presence.value("joined").toArray().contains(u"Ana"_s);
    }
    QCOMPARE(joins, 1);
}

void tst_ChatRoom::awayMemberLeavesAfterTheGracePeriod()
{
    TestHost host(300);
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    auto ana = join(host, u"name=Ana&resume="_s);
    ana->socket.abort();
    const QJsonObject left = bea->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        return event.value("left").toArray().contains(u"Ana"_s);
    });
    QCOMPARE(left.value("members").toArray().size(), 1);
    // The name is free again.
    QVERIFY(join(host, u"name=Ana"_s));
}

void tst_ChatRoom::seedClientsLeaveAtOnceWhenTheyDrop()
{
    TestHost host; // a minute's grace, far longer than this test waits
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    auto seed = join(host, u"name=Ana"_s); // no resume: the seeds' clients
    seed->socket.abort();
    QVERIFY(seesLeave(*bea, u"Ana"_s));
    QVERIFY(join(host, u"name=Ana"_s));
}

void tst_ChatRoom::leaveRequestLeavesAtOnce()
{
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    auto ana = join(host, u"name=Ana&resume="_s);
    ana->send({{"type", "leave"}});
    QVERIFY(ana->waitForDisconnect());
    QCOMPARE(ana->socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(seesLeave(*bea, u"Ana"_s));
}

void tst_ChatRoom::secondConnectionWithTheTokenReplacesTheFirst()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient first;
    QVERIFY(first.open(host.socketUrl(u"name=Ana"_s)));
    const QString token = first.next(u"welcome"_s).value("resume").toString();
    auto second = join(host, u"name=Ana&resume=%1"_s.arg(token));
    QVERIFY(second);
    QVERIFY(first.waitForDisconnect());
    QCOMPARE(int(first.socket.closeCode()), 4003);
    auto bea = join(host, u"name=Bea"_s);
    say(*second, u"still me"_s);
    QCOMPARE(bea->next(u"message"_s).value("name").toString(), u"Ana"_s);
}

void tst_ChatRoom::historySurvivesARestart()
{
    QTemporaryDir data;
    qint64 lastId = 0;
    {
        TestHost host(60'000, 0, data.path());
        QVERIFY(host.start());
        auto bea = join(host, u"name=Bea"_s);
        say(*bea, u"before the restart"_s);
        lastId = say(*bea, u"still before"_s);
    }
    TestHost host(60'000, 0, data.path());
    QVERIFY(host.start());
    auto caro = join(host, u"name=Caro"_s);
    const QJsonObject history = caro->next(u"history"_s);
    QCOMPARE(ids(history), (QList<qint64>{lastId - 1, lastId}));
    QCOMPARE(say(*caro, u"after"_s), lastId + 1);
}

void tst_ChatRoom::pagesStopAtTheRetentionLimit()
{
    TestHost host;
    host.settings.retention = {RetentionPolicy::Kind::LastMessages, 5};
    host.settings.retentionIntervalMs = 20;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    QVERIFY(ids(bea->next(u"history"_s)).isEmpty()); // the (empty) page on joining
    qint64 last = 0;
    for (int i = 1; i <= 12; ++i)
        last = say(*bea, QString::number(i));
    // The policy is applied in the background; then only the newest five are left.
    QJsonObject page;
    for (QDeadlineTimer deadline(5000); !deadline.hasExpired() && ids(page).size() != 5;) {
        QTest::qWait(20);
        bea->send({{"type", "history"}, {"after", 0}});
        page = bea->next(u"history"_s);
    }
    QCOMPARE(ids(page).size(), 5);
    QCOMPARE(ids(page).first(), last - 4);
    // Older than the retention: nothing, and nothing more.
    bea->send({{"type", "history"}, {"before", last - 4}});
    page = bea->next(u"history"_s);
    QVERIFY(ids(page).isEmpty());
    QVERIFY(!page.value("hasMore").toBool());
    auto caro = join(host, u"name=Caro"_s);
    page = caro->next(u"history"_s);
    QCOMPARE(ids(page).size(), 5);
    QVERIFY(!page.value("hasMore").toBool());
}

void tst_ChatRoom::hostRemovesAMember()
{
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    auto bea = join(host, u"name=Bea"_s);
    QVERIFY(!host.host.removeMember(u"Nobody"_s));
    QVERIFY(host.host.removeMember(u"bea"_s));
    QCOMPARE(bea->next(u"error"_s).value("code").toString(), u"removed"_s);
    QVERIFY(bea->waitForDisconnect());
    QCOMPARE(int(bea->socket.closeCode()), 4006);
    QVERIFY(seesLeave(*ana, u"Bea"_s));
    QCOMPARE(host.host.room()->members().size(), 1);
}

void tst_ChatRoom::hostRemovesAnAwayMemberAndFreesTheName()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient ana;
    const QString token = joinResumable(host, ana, u"Ana"_s);
    QVERIFY(!token.isEmpty());
    auto bea = join(host, u"name=Bea"_s);
    ana.socket.abort();
    QTRY_VERIFY(host.host.room()->members().first().away);

    QVERIFY(host.host.removeMember(u"ANA"_s));
    QVERIFY(!host.host.removeMember(u"Ana"_s)); // gone: nothing left to remove
    QVERIFY(seesLeave(*bea, u"Ana"_s));
    QCOMPARE(host.host.room()->members().size(), 1);

    // The name is free: the old token resumes nothing, and anyone may take "Ana" again.
    TestClient again;
    QVERIFY(again.open(host.socketUrl(u"name=Ana&resume=%1"_s.arg(token))));
    const QString newToken = again.next(u"welcome"_s).value("resume").toString();
    QVERIFY(!newToken.isEmpty());
    QVERIFY(newToken != token);
    QCOMPARE(host.host.room()->members().size(), 2);
    QVERIFY(!host.host.room()->members().last().away);
    QCOMPARE(host.host.room()->members().last().name, u"Ana"_s);
}

void tst_ChatRoom::lockedRoomTakesNoNewcomersButKeepsItsMembers()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient ana;
    const QString token = joinResumable(host, ana, u"Ana"_s);
    QVERIFY(!token.isEmpty());
    host.host.setLocked(true);

    TestClient caro;
    QVERIFY(caro.open(host.socketUrl(u"name=Caro"_s)));
    QCOMPARE(caro.next(u"error"_s).value("code").toString(), u"room_locked"_s);
    QVERIFY(caro.waitForDisconnect());
    QCOMPARE(int(caro.socket.closeCode()), 4007);

    // A member who drops is still a member: it comes back in.
    ana.socket.abort();
    QTRY_VERIFY(host.host.room()->members().first().away);
    auto back = join(host, u"name=Ana&resume=%1"_s.arg(token));
    QVERIFY(back);

    host.host.setLocked(false);
    QVERIFY(join(host, u"name=Caro"_s));
}

void tst_ChatRoom::directMessageReachesOnlyItsRecipient()
{
    TestHost host;
    QVERIFY(host.start());
    auto ana = join(host, u"name=Ana"_s);
    auto bea = join(host, u"name=Bea"_s);
    auto caro = join(host, u"name=Caro"_s);
    QVERIFY(ana && bea && caro);

    ana->send({{"message", "psst 🤫"}, {"to", "bea"}, {"clientId", "d1"}});
    const QJsonObject ack = ana->next(u"ack"_s);
    QCOMPARE(ack.value("clientId").toString(), u"d1"_s);
    const QJsonObject received = bea->next(u"message"_s);
    QCOMPARE(received.value("message").toString(), u"psst 🤫"_s);
    QCOMPARE(received.value("name").toString(), u"Ana"_s);
    QCOMPARE(received.value("to").toString(), u"Bea"_s); // as Bea spells it
    QCOMPARE(received.value("id").toInteger(), ack.value("id").toInteger());

    // Nobody by that name: the sender is told, the message goes nowhere, the room carries on.
    ana->send({{"message", "hola"}, {"to", "Nadie"}, {"clientId", "d2"}});
    const QJsonObject error = ana->next(u"error"_s);
    QCOMPARE(error.value("code").toString(), u"no_such_member"_s);
    QCOMPARE(error.value("clientId").toString(), u"d2"_s);

    QVERIFY(say(*ana, u"para todos"_s) > 0);
    QCOMPARE(caro->next(u"message"_s).value("message").toString(), u"para todos"_s);
    QCOMPARE(bea->next(u"message"_s).value("message").toString(), u"para todos"_s);
    QCOMPARE(texts(caro->eventsOfType(u"message"_s)), QStringList{u"para todos"_s});
    QCOMPARE(texts(bea->eventsOfType(u"message"_s)),
             (QStringList{u"psst 🤫"_s, u"para todos"_s}));
}

void tst_ChatRoom::directMessagesAreReplayedOnlyToTheirParties()
{
    TestHost host;
    QVERIFY(host.start());
    auto bea = join(host, u"name=Bea"_s);
    TestClient ana;
    const QString token = joinResumable(host, ana, u"Ana"_s);
    QVERIFY(!token.isEmpty());
    const qint64 seen = say(ana, u"antes"_s);
    ana.socket.abort(); // away: Bea can still write to her
    QTRY_VERIFY(!bea->eventsOfType(u"presence"_s).isEmpty());

    bea->send({{"message", "para Ana"}, {"to", "Ana"}});
    const qint64 direct = bea->next(u"ack"_s).value("id").toInteger();
    QVERIFY(direct > seen);
    QVERIFY(say(*bea, u"para todos"_s) > direct);

    // Ana comes back and catches up: the room's message and hers.
    TestClient back;
    QVERIFY(back.open(host.socketUrl(u"name=Ana&resume=%1&since=%2"_s.arg(token).arg(seen))));
    QJsonObject missed = back.next(u"history"_s);
    QCOMPARE(ids(missed).size(), 2);
    QCOMPARE(missed.value("messages").toArray().at(0).toObject().value("to").toString(), u"Ana"_s);

    // A newcomer, and Bea asking again, see what they may see.
    auto caro = join(host, u"name=Caro"_s);
    QCOMPARE(ids(caro->next(u"history"_s)), (QList<qint64>{seen, direct + 1}));
    bea->send({{"type", "history"}, {"before", direct + 2}});
    const QJsonObject page = bea->nextWhere(u"history"_s, [&](const QJsonObject &event) {
        return event.value("before").toInteger() == direct + 2;
    });
    QCOMPARE(ids(page), (QList<qint64>{seen, direct, direct + 1}));
}

void tst_ChatRoom::largeRoomsSendASummaryAndListsOnRequest()
{
    TestHost host;
    QVERIFY(host.start());
    std::vector<std::unique_ptr<TestClient>> crowd;
    for (int i = 0; i < Tertulia::Limits::kFullMemberList; ++i) {
        crowd.push_back(join(host, u"name=crowd%1"_s.arg(i)));
        QVERIFY(crowd.back());
    }
    // Up to the threshold everyone is listed, oldest first, as always.
    const QJsonArray fifty = crowd.back()->events.first().value("members").toArray();
    QCOMPARE(fifty.size(), Tertulia::Limits::kFullMemberList);
    QCOMPARE(fifty.first().toObject().value("name").toString(), u"crowd0"_s);
    const QString last = u"crowd%1"_s.arg(Tertulia::Limits::kFullMemberList - 1);
    const auto mentions = [](const char *field, const QString &name) {
        return [field, name](const QJsonObject &event) {
            return event.value(QLatin1StringView(field)).toArray().contains(name);
        };
    };
    QVERIFY(!crowd.front()->nextWhere(u"presence"_s, mentions("joined", last)).isEmpty());

    // One more: a summary — the count and the first page by name — never everyone.
    TestClient ana;
    QVERIFY(ana.open(host.socketUrl(u"name=Ana&resume="_s)));
    const QJsonObject welcome = ana.next(u"welcome"_s);
    QVERIFY(!welcome.contains("members"));
    QCOMPARE(welcome.value("memberCount").toInt(), Tertulia::Limits::kFullMemberList + 1);
    const QJsonArray first = welcome.value("firstMembers").toArray();
    QCOMPARE(first.size(), Tertulia::Limits::kFullMemberList);
    QCOMPARE(first.at(0).toObject().value("name").toString(), u"Ana"_s);
    QCOMPARE(first.at(2).toObject().value("name").toString(), u"crowd1"_s);
    QCOMPARE(first.at(3).toObject().value("name").toString(), u"crowd10"_s);
    QCOMPARE(welcome.value("limits").toObject().value("memberPage").toInt(),
             Tertulia::Limits::kMemberPage);
    const QJsonObject arrival
            = crowd.front()->nextWhere(u"presence"_s, mentions("joined", u"Ana"_s));
    QVERIFY(!arrival.contains("members"));
    QCOMPARE(arrival.value("count").toInt(), Tertulia::Limits::kFullMemberList + 1);

    // Ana watches the top five rows: sent now, and again when a newcomer moves them.
    const auto names = [](const QJsonObject &event) {
        QStringList list;
        for (const QJsonValue &member : event.value("members").toArray())
            list.append(member.toObject().value("name").toString());
        return list;
    };
    ana.send({{"type", "members"}, {"from", qint64(0)}, {"count", 5}});
    const QJsonObject top = ana.next(u"members"_s);
    QCOMPARE(top.value("total").toInt(), Tertulia::Limits::kFullMemberList + 1);
    QCOMPARE(names(top),
             (QStringList{u"Ana"_s, u"crowd0"_s, u"crowd1"_s, u"crowd10"_s, u"crowd11"_s}));
    TestClient aaron;
    QVERIFY(aaron.open(host.socketUrl(u"name=aaron&resume="_s)));
    const QJsonObject moved = ana.next(u"members"_s);
    QCOMPARE(names(moved),
             (QStringList{u"aaron"_s, u"Ana"_s, u"crowd0"_s, u"crowd1"_s, u"crowd10"_s}));
    // Going away changes a row too; a join below the watched rows does not.
    aaron.socket.abort();
    QTRY_VERIFY(std::any_of(ana.events.cbegin(), ana.events.cend(), [](const QJsonObject &event) {
        const QJsonArray rows = event.value("members").toArray();
        return event.value("type") == u"members"_s
               && rows.first().toObject().value("away").toBool();
    }));
    const qsizetype pagesBefore
            = std::count_if(ana.events.cbegin(), ana.events.cend(), [](const QJsonObject &event) {
                  return event.value("type") == u"members"_s;
              });
    auto zoe = join(host, u"name=zoe"_s);
    QVERIFY(!ana.nextWhere(u"presence"_s, mentions("joined", u"zoe"_s)).isEmpty());
    QTest::qWait(100);
    QCOMPARE(std::count_if(
                     ana.events.cbegin(), ana.events.cend(),
                     [](const QJsonObject &event) { return event.value("type") == u"members"_s; }),
             pagesBefore);
    // Those who watch nothing are sent no rows at all.
    for (const QJsonObject &event : std::as_const(crowd.front()->events))
        QVERIFY(event.value("type") != u"members"_s);

    // A search by the start of a name, ignoring case, in the list's order.
    ana.send({{"type", "members"}, {"prefix", "CROWD1"}, {"count", 3}});
    const auto searched = [](const QJsonObject &event) { return event.contains("prefix"); };
    const QJsonObject found = ana.nextWhere(u"members"_s, searched);
    QCOMPARE(found.value("prefix").toString(), u"CROWD1"_s);
    QCOMPARE(names(found), (QStringList{u"crowd1"_s, u"crowd10"_s, u"crowd11"_s}));
    ana.send({{"type", "members"}, {"prefix", "nobody"}});
    QVERIFY(names(ana.nextWhere(u"members"_s, searched)).isEmpty());
    // A request that is neither is refused in words; the room goes on.
    ana.send({{"type", "members"}});
    QCOMPARE(ana.next(u"error"_s).value("code").toString(), u"bad_field"_s);
    crowd.front()->send({{"message", "still here"}});
    QVERIFY(!crowd.back()
                     ->nextWhere(u"message"_s,
                                 [](const QJsonObject &event) {
                                     return event.value("message") == u"still here"_s;
                                 })
                     .isEmpty());

    // Back to the threshold: everyone is listed again.
    zoe->send({{"type", "leave"}});
    crowd.back()->send({{"type", "leave"}});
    crowd.at(crowd.size() - 2)->send({{"type", "leave"}});
    // (Events of the crowd arriving may still wait unread, lists among them: this one is of
    // people leaving.)
    const QJsonObject small = crowd.front()->nextWhere(u"presence"_s, [](const QJsonObject &event) {
        return event.contains("members") && !event.value("left").toArray().isEmpty();
    });
    QCOMPARE(small.value("count").toInt(), Tertulia::Limits::kFullMemberList);
    QCOMPARE(small.value("members").toArray().size(), Tertulia::Limits::kFullMemberList);

    // A crowd arriving at once: ten names, and how many more, in one event.
    std::vector<std::unique_ptr<TestClient>> late;
    for (int i = 0; i < 12; ++i) {
        late.push_back(std::make_unique<TestClient>());
        late.back()->socket.open(host.socketUrl(u"name=late%1"_s.arg(i))); // all at once
    }
    const QJsonObject crowdArrives = crowd.front()->nextWhere(
            u"presence"_s, [](const QJsonObject &event) { return event.contains("others"); });
    QCOMPARE(crowdArrives.value("joined").toArray().size(), Tertulia::Limits::kNamedChanges);
    QCOMPARE(crowdArrives.value("others").toInt(), 2);
    QCOMPARE(crowdArrives.value("count").toInt(), Tertulia::Limits::kFullMemberList + 12);
}

void tst_ChatRoom::anUnreadableHistoryIsAnErrorNotAnEmptyPage()
{
    TestHost host;
    QVERIFY(host.start());
    TestClient ana;
    QVERIFY(ana.open(host.socketUrl(u"name=Ana"_s)));
    QVERIFY(!ana.next(u"history"_s).isEmpty());
    ana.send({{"message", "said before the disk went bad"}});
    QVERIFY(!ana.next(u"ack"_s).isEmpty());
    {
        // Another program breaks the database under the host.
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"vandal"_s);
        db.setDatabaseName(
                QDir(host.dir.path()).filePath(QString::fromLatin1(MessageStore::kFileName)));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"DROP TABLE messages"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"vandal"_s);

    TestClient bo;
    QVERIFY(bo.open(host.socketUrl(u"name=Bo"_s)));
    const QJsonObject error = bo.next(u"error"_s);
    QCOMPARE(error.value("code").toString(), u"history_unavailable"_s);
    QVERIFY(error.value("reason").toString().contains(u"Cannot read the history"_s));
    QTest::qWait(200);
    for (const QJsonObject &event : std::as_const(bo.events))
        QVERIFY(event.value("type").toString() != u"history");
    // The room itself goes on: presence still reaches Ana.
    QVERIFY(!ana.nextWhere(u"presence"_s, [](const QJsonObject &event) {
                    return event.value("joined").toArray().contains(u"Bo"_s);
                }).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ChatRoom)
#include "tst_chatroom.moc"
