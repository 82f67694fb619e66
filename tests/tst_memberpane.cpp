// The window's member list in a room of 3 000 (a real host, 3 000 real connections): the
// list is a count and the rows in view, fetched as it scrolls; the search finds anyone by the
// start of the name; an @mention completes from the host's search.
#include "chatconnection.h"
#include "memberpane.h"
#include "mentioncompleter.h"
#include "messageinput.h"
#include "support/testhost.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QVBoxLayout>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

class tst_MemberPane final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scrollsThroughThousandsAskingForWhatIsInView();
    void findsAnyoneByTheStartOfTheName();
    void completesAMentionFromTheHostsSearch();
    void tabCompletesAMentionEvenBeforeThePopupShows();

private:
    static constexpr int kCrowd = 3000;
    QString nameAt(int row) const
    {
        return m_pane->view()->model()->index(row, 0).data(MemberListModel::NameRole).toString();
    }

    TestHost m_host;
    int m_upgraded = 0; // of the crowd's connections
    ChatConnection m_connection;
    QWidget m_window;
    MemberPane *m_pane = nullptr;
    MessageInput *m_input = nullptr;
    MentionCompleter *m_mentions = nullptr;
};

void tst_MemberPane::initTestCase()
{
    // Two ends of 3 000 connections in one process: more than the usual 1 024 descriptors.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    QVERIFY2(files.rlim_cur > 2 * kCrowd + 100, "too few file descriptors allowed");

    m_host.settings.limits.maxConnections = kCrowd + 100;
    m_host.settings.limits.maxConnectionsPerAddress = kCrowd + 100;
    m_host.settings.limits.idleTimeoutMs = 600'000; // the crowd answers no pings
    QVERIFY(m_host.start());
    // All at once, as a crowd arrives: each a bare TCP socket sending the upgrade request.
    for (int i = 0; i < kCrowd; ++i) {
        auto *socket = new QTcpSocket(this);
        const QByteArray name = "member" + QByteArray::number(i).rightJustified(4, '0');
        connect(socket, &QTcpSocket::connected, this, [socket, name] {
            socket->write("GET /ws?name=" + name
                          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->property("upgraded").toBool()) {
                socket->readAll(); // what the room says to them is not this test's
                return;
            }
            if (socket->peek(12) == "HTTP/1.1 101") {
                socket->setProperty("upgraded", true);
                ++m_upgraded;
            }
            socket->readAll();
        });
        socket->connectToHost(QHostAddress::LocalHost, m_host.port());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_upgraded, kCrowd, 60'000);
    m_pane = new MemberPane(&m_connection, &m_window);
    m_input = new MessageInput(&m_window);
    m_mentions = new MentionCompleter(&m_connection, m_input, &m_window);
    auto *layout = new QVBoxLayout(&m_window);
    layout->addWidget(m_pane);
    layout->addWidget(m_input);
    m_window.resize(320, 480);
    m_window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    m_connection.open(m_host.pageUrl(), u"Pilar"_s);
    QTRY_COMPARE(m_pane->view()->model()->rowCount(), kCrowd + 1);
}

void tst_MemberPane::scrollsThroughThousandsAskingForWhatIsInView()
{
    QVERIFY(!m_connection.membersComplete());
    QVERIFY(m_pane->findChild<QLabel *>()->text().contains(u"3001"_s));
    QTRY_COMPARE(nameAt(0), u"member0000"_s);
    // What arrived is what is in view and around it, never the room.
    QVERIFY(m_connection.members().size() <= m_connection.limits().memberPage);

    QListView *view = m_pane->view();
    view->scrollTo(view->model()->index(1500, 0), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(nameAt(1500), u"member1500"_s);
    QVERIFY(nameAt(0).isEmpty()); // left behind: no longer watched
    view->scrollToBottom();
    QTRY_COMPARE(nameAt(kCrowd), u"Pilar"_s); // last by name
    QCOMPARE(view->model()->index(kCrowd, 0).data().toString(), u"Pilar (you)"_s);

    // Someone new sorts first: the rows watched at the top follow them.
    view->scrollToTop();
    QTRY_COMPARE(nameAt(0), u"member0000"_s);
    QWebSocket aaron;
    aaron.open(m_host.socketUrl(u"name=Aaron"_s));
    QTRY_COMPARE(nameAt(0), u"Aaron"_s);
    QTRY_COMPARE(view->model()->rowCount(), kCrowd + 2);
    aaron.abort();
    QTRY_COMPARE(view->model()->rowCount(), kCrowd + 1);
    QTRY_COMPARE(nameAt(0), u"member0000"_s);
}

void tst_MemberPane::findsAnyoneByTheStartOfTheName()
{
    auto *search = m_pane->findChild<QLineEdit *>(u"memberSearch"_s);
    QTest::keyClicks(search, u"MEMBER271"_s);
    QTRY_COMPARE(m_pane->view()->model()->rowCount(), 10);
    QCOMPARE(nameAt(8), u"member2718"_s);
    search->clear();
    QTRY_COMPARE(m_pane->view()->model()->rowCount(), kCrowd + 1);
}

void tst_MemberPane::completesAMentionFromTheHostsSearch()
{
    m_input->setFocus();
    QTest::keyClicks(m_input, u"hola @member271"_s);
    QAbstractItemView *popup = m_mentions->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 8);
    QCOMPARE(popup->model()->index(0, 0).data().toString(), u"member2710"_s);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(m_input->toPlainText(), u"hola @member2711 "_s);
    QVERIFY(!popup->isVisible());
}

void tst_MemberPane::tabCompletesAMentionEvenBeforeThePopupShows()
{
    // Issue 30: Tab moved the focus on instead of completing "@An", and the next space sent
    // half a mention. Typed fast, Tab comes before the host's answer: the name goes in when
    // it arrives, and the focus stays in the box.
    m_input->clear();
    m_input->setFocus();
    QTest::keyClicks(m_input, u"hola @member2712"_s);
    QTest::keyClick(m_input, Qt::Key_Tab);
    QVERIFY(m_input->hasFocus());
    QTRY_COMPARE(m_input->toPlainText(), u"hola @member2712 "_s);
    QVERIFY(m_input->hasFocus());
    QVERIFY(!m_mentions->completer()->popup()->isVisible());
    // Once the popup is up, Tab takes its highlighted name.
    QTest::keyClicks(m_input, u"y @member27"_s);
    QAbstractItemView *popup = m_mentions->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Tab);
    QTRY_COMPARE(m_input->toPlainText(), u"hola @member2712 y @member2700 "_s);
    // With no mention being typed, Tab moves on as it always did.
    QTest::keyClick(m_input, Qt::Key_Tab);
    QTRY_VERIFY(!m_input->hasFocus());
}

QTEST_MAIN(tst_MemberPane)
#include "tst_memberpane.moc"
