// The native window with real key presses, joined to a real host over a real socket.

#include "chatconnection.h"
#include "chathost.h"
#include "chatwindow.h"
#include "conversationtabs.h"
#include "messagedelegate.h"
#include "messageinput.h"
#include "roomcontrols.h"
#include "roomtray.h"
#include "support/darkpalette.h"
#include "support/openedlinks.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

class tst_ChatWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheShareAddress();
    void typingAndEnterDeliversTheMessage();
    void shiftEnterStartsANewLine();
    void showsMessagesFromOthersAsText();
    void highlightsMentionsOfYou();
    void showsWhoIsTypingAndSharesYourTyping();
    void hostingOffersModeration();
    void invitingCostsTheChatNoRoom();
    void writesPrivatelyToAChosenMember();
    void trayCountsWhatArrivesWhileTheWindowIsAway();
    void closingWhileHostingAsksWhatToDoWithTheRoom();
    void closingAJoinedRoomDoesNotAsk();
    void theRoomMenuEndsTheRoomAfterAsking();
    void followsADarkSystemPalette();
    void listsWhoIsInTheRoomAndNotices();
    void showsTheConnectionState();
    void saysWhyWhenRemovedAndTakesNoMoreInput();
    void aHostNeverReachedIsNotALostConnection();
    void aCancelledNameChoiceLeavesAWayBackIn();
    void aLinkOpensWithOneClickAndAMessageCopies();
    void showsHistoryToALateJoiner();
    void loadsOlderMessagesAtTheTopWithoutMovingTheView();
    void aShortHistoryAsksForOlderByItself();

private:
    QStringList messageTexts() const;

    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<ChatConnection> m_connection;
    std::unique_ptr<ChatWindow> m_window;
    std::unique_ptr<TestClient> m_bea;
};

void tst_ChatWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings must not touch the user's files
}

void tst_ChatWindow::init()
{
    m_host = std::make_unique<TestHost>();
    QVERIFY(m_host->start());
    const QUrl address(u"http://127.0.0.1:%1/"_s.arg(m_host->port()));
    m_connection = std::make_unique<ChatConnection>();
    m_window = std::make_unique<ChatWindow>(m_connection.get());
    m_window->setShareAddress(address, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_connection->open(address, u"Ana"_s);
    QTRY_COMPARE(m_connection->state(), ChatConnection::State::Connected);

    m_bea = std::make_unique<TestClient>();
    QVERIFY(m_bea->open(QUrl(u"ws://127.0.0.1:%1/ws?name=Bea"_s.arg(m_host->port()))));
    QVERIFY(!m_bea->next(u"welcome"_s).isEmpty());
}

void tst_ChatWindow::cleanup()
{
    m_bea.reset();
    m_window.reset();
    m_connection.reset();
    m_host.reset();
}

namespace {

// Bea says each text in the room, each stored (acknowledged) before the next, and stays
// (nullptr if she could not): her leaving would be one more line in the reader's list.
std::unique_ptr<TestClient> sayAll(const TestHost &host, const QStringList &texts)
{
    auto bea = std::make_unique<TestClient>();
    if (!bea->open(host.socketUrl(u"name=Bea"_s)))
        return nullptr;
    for (const QString &text : texts) {
        bea->send({{"message", text}});
        if (bea->next(u"ack"_s).isEmpty())
            return nullptr;
    }
    return bea;
}

QStringList numbered(const QString &pattern, int count)
{
    QStringList texts;
    for (int i = 1; i <= count; ++i)
        texts.append(pattern.arg(i));
    return texts;
}

} // namespace

QStringList tst_ChatWindow::messageTexts() const
{
    QStringList texts;
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

void tst_ChatWindow::showsTheShareAddress()
{
    const auto *address = m_window->findChild<QLabel *>(u"shareAddress"_s);
    QVERIFY(address);
    QCOMPARE(address->text(), u"http://127.0.0.1:%1/"_s.arg(m_host->port()));
}

void tst_ChatWindow::shiftEnterStartsANewLine()
{
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    input->setFocus();
    const int oneLine = input->sizeHint().height();
    QTest::keyClicks(input, u"primera"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, u"segunda"_s);
    QCOMPARE(input->text(), u"primera\nsegunda"_s);
    QVERIFY(input->sizeHint().height() > oneLine); // the box grows with its lines
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(m_bea->next(u"message"_s).value("message").toString(), u"primera\nsegunda"_s);
    QVERIFY(input->text().isEmpty());
    QCOMPARE(input->sizeHint().height(), oneLine);
}

void tst_ChatWindow::typingAndEnterDeliversTheMessage()
{
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QVERIFY(input);
    input->setFocus();
    QTest::keyClicks(input, u"Hola, Bea!"_s); // keyClicks types Latin-1 only
    QTest::keyClick(input, Qt::Key_Return);

    const QJsonObject message = m_bea->next(u"message"_s);
    QCOMPARE(message.value("name").toString(), u"Ana"_s);
    QCOMPARE(message.value("message").toString(), u"Hola, Bea!"_s);
    QVERIFY(input->text().isEmpty());
    // Shown as sending until the host acknowledges it, then as sent.
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    const QList<QListWidgetItem *> own = list->findItems(u"Ana: Hola, Bea!"_s, Qt::MatchEndsWith);
    QCOMPARE(own.size(), 1);
    QTRY_VERIFY(own.first()->toolTip().startsWith(u"Sent"_s));
}

void tst_ChatWindow::showsMessagesFromOthersAsText()
{
    m_bea->send({{"name", "Bea"}, {"message", "<img src=x onerror=alert(1)>"}});
    QTRY_VERIFY(!messageTexts().isEmpty()
                && messageTexts().last().endsWith(u"Bea: <img src=x onerror=alert(1)>"_s));
}

void tst_ChatWindow::highlightsMentionsOfYou()
{
    m_bea->send({{"message", "@ana mira https://example.com"}});
    m_bea->send({{"message", "mail x@ana.com"}});
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    QTRY_COMPARE(list->findItems(u"Bea:"_s, Qt::MatchContains).size(), 2);
    const QListWidgetItem *mention = list->findItems(u"@ana mira"_s, Qt::MatchContains).first();
    QVERIFY(mention->data(MessageDelegate::MentionRole).toBool());
    const QListWidgetItem *email = list->findItems(u"x@ana.com"_s, Qt::MatchContains).first();
    QVERIFY(!email->data(MessageDelegate::MentionRole).toBool());
}

void tst_ChatWindow::showsWhoIsTypingAndSharesYourTyping()
{
    const auto *indicator = m_window->findChild<QLabel *>(u"typingIndicator"_s);
    m_bea->send({{"type", "typing"}});
    QTRY_COMPARE(indicator->text(), u"Bea is typing…"_s);
    m_bea->send({{"message", "listo"}});
    QTRY_VERIFY(indicator->text().isEmpty());

    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QTest::keyClicks(input, u"ho"_s);
    QCOMPARE(m_bea->next(u"typing"_s).value("name").toString(), u"Ana"_s);
}

void tst_ChatWindow::hostingOffersModeration()
{
    QVERIFY(!m_window->findChild<QAction *>(u"lockRoomAction"_s));
    auto *controls = new RoomControls(m_window.get());
    auto *lock = m_window->findChild<QAction *>(u"lockRoomAction"_s);
    QVERIFY(lock);
    QSignalSpy locked(controls, &RoomControls::lockRequested);
    lock->trigger();
    QCOMPARE(locked.size(), 1);
    QCOMPARE(locked.first().first().toBool(), true);
    // The host sees the room's state where the address is.
    const auto *state = m_window->findChild<QLabel *>(u"roomState"_s);
    QTRY_VERIFY(state->isVisible()); // shown once the window lays the new controls out
    QVERIFY2(state->text().contains(u"Locked"_s), qPrintable(state->text()));
    controls->setPasswordSet(true);
    QVERIFY(state->text().contains(u"Password required"_s));
    controls->setEncrypted(true);
    QVERIFY(state->text().contains(u"Encrypted (HTTPS)"_s));
    // Wired as the desktop session wires it: the room really takes no newcomers.
    connect(controls, &RoomControls::lockRequested, &m_host->host, &ChatHost::setLocked);
    lock->trigger(); // unlock
    lock->trigger(); // lock again, now through the host
    TestClient caro;
    QVERIFY(caro.open(m_host->socketUrl(u"name=Caro"_s)));
    QCOMPARE(caro.next(u"error"_s).value("code").toString(), u"room_locked"_s);
    QCOMPARE(m_window->findChild<QListView *>(u"memberList"_s)->contextMenuPolicy(),
             Qt::CustomContextMenu);
}

void tst_ChatWindow::invitingCostsTheChatNoRoom()
{
    auto *controls = new RoomControls(m_window.get());
    controls->setShareAddresses(
            {QUrl(u"http://192.0.2.7:8080/"_s), QUrl(u"http://127.0.0.1:8080/"_s)});
    m_window->resize(560, 440); // a small laptop window
    QTest::qWait(50);
    // The conversation keeps most of the height; the addresses and QR code wait behind Invite.
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    QVERIFY2(list->height() > m_window->height() / 2,
             qPrintable(u"%1 of %2"_s.arg(list->height()).arg(m_window->height())));
    auto *popup = m_window->findChild<QWidget *>(u"invitePopup"_s);
    QVERIFY(!popup->isVisible());
    QTest::mouseClick(m_window->findChild<QToolButton *>(u"inviteButton"_s), Qt::LeftButton);
    QTRY_VERIFY(popup->isVisible());
    const auto *addresses = popup->findChild<QListWidget *>(u"shareAddresses"_s);
    QCOMPARE(addresses->count(), 2);
    popup->close();
}

void tst_ChatWindow::listsWhoIsInTheRoomAndNotices()
{
    const auto *members = m_window->findChild<QListView *>(u"memberList"_s)->model();
    QTRY_COMPARE(members->rowCount(), 2);
    QCOMPARE(members->index(0, 0).data().toString(), u"Ana (you)"_s);
    QCOMPARE(members->index(1, 0).data().toString(), u"Bea"_s);
    QTRY_VERIFY(messageTexts().contains(u"Bea joined"_s));

    m_bea->socket.close();
    QTRY_COMPARE(members->rowCount(), 1);
    QTRY_VERIFY(messageTexts().contains(u"Bea left"_s));
}

void tst_ChatWindow::saysWhyWhenRemovedAndTakesNoMoreInput()
{
    QVERIFY(m_host->host.removeMember(u"Ana"_s));
    const auto *notice = m_window->findChild<QLabel *>(u"stopNotice"_s);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"The host removed you from the room."_s);
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QVERIFY(!input->isEnabled());
    QVERIFY(!m_window->findChild<QPushButton *>(u"sendButton"_s)->isEnabled());
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    const int shown = list->count();
    QTest::keyClicks(input, u"into the void"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(list->count(), shown);
    QCOMPARE(m_connection->unacknowledgedCount(), 0);
    // A deliberate try again: the host decides, and here it lets Ana back in.
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"tryAgainButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_connection->state(), ChatConnection::State::Connected);
    QVERIFY(input->isEnabled());
    QVERIFY(!notice->isVisible());
}

void tst_ChatWindow::showsTheConnectionState()
{
    const auto *state = m_window->findChild<QLabel *>(u"connectionState"_s);
    QCOMPARE(state->text(), u"Connected as Ana"_s);
    QVERIFY(m_window->findChild<QPushButton *>(u"sendButton"_s)->isEnabled());
    m_host.reset();
    QTRY_VERIFY(state->text().contains(u"reconnecting"_s));
    // Still enabled: what is written now waits in the outbox, shown as sending.
    QVERIFY(m_window->findChild<QPushButton *>(u"sendButton"_s)->isEnabled());
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QTest::keyClicks(input, u"later"_s);
    QTest::keyClick(input, Qt::Key_Return);
    const auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    QCOMPARE(list->item(list->count() - 1)->toolTip(), u"Sending…"_s);
}

void tst_ChatWindow::showsHistoryToALateJoiner()
{
    for (int i = 1; i <= 3; ++i) {
        m_bea->send({{"message", u"said before %1"_s.arg(i)}});
        QVERIFY(!m_bea->next(u"ack"_s).isEmpty());
    }
    ChatConnection late;
    ChatWindow window(&late);
    window.show();
    late.open(m_host->pageUrl(), u"Caro"_s);
    const auto *list = window.findChild<QListWidget *>(u"messageList"_s);
    QTRY_COMPARE(list->findItems(u"said before"_s, Qt::MatchContains).size(), 3);
    QVERIFY(list->item(0)->text().endsWith(u"Bea: said before 1"_s));
}

void tst_ChatWindow::loadsOlderMessagesAtTheTopWithoutMovingTheView()
{
    TestHost host;
    host.settings.backlog = 10;
    QVERIFY(host.start());
    const auto bea = sayAll(host, numbered(u"first\nsecond\nline %1"_s, 60)); // ten fill a view
    QVERIFY(bea);
    ChatConnection reader;
    ChatWindow window(&reader);
    window.resize(600, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    reader.open(host.pageUrl(), u"Lectora"_s);
    auto *list = window.findChild<QListWidget *>(u"messageList"_s);
    QTRY_COMPARE(list->count(), 10);
    QVERIFY(list->item(0)->text().endsWith(u"line 51"_s));

    QListWidgetItem *reading = list->item(0);
    list->verticalScrollBar()->setValue(0); // the reader scrolls to the top
    QTRY_COMPARE(list->count(), 60);
    QVERIFY(list->item(0)->text().endsWith(u"line 1"_s));
    // What the reader was looking at is still in view, not pushed away by the older page.
    QTRY_VERIFY(list->viewport()->rect().intersects(list->visualItemRect(reading)));
}

void tst_ChatWindow::aShortHistoryAsksForOlderByItself()
{
    TestHost host;
    host.settings.backlog = 2;
    QVERIFY(host.start());
    const auto bea = sayAll(host, numbered(u"line %1"_s, 8));
    QVERIFY(bea);
    ChatConnection reader;
    ChatWindow window(&reader);
    window.resize(600, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    reader.open(host.pageUrl(), u"Lectora"_s);
    // Two messages fill no view and there is nothing to scroll: the older ones come anyway.
    auto *list = window.findChild<QListWidget *>(u"messageList"_s);
    QTRY_VERIFY(!list->findItems(u"line 1"_s, Qt::MatchEndsWith).isEmpty());
    QVERIFY(list->item(0)->text().endsWith(u"line 1"_s));
}

void tst_ChatWindow::writesPrivatelyToAChosenMember()
{
    TestClient caro;
    QVERIFY(caro.open(QUrl(u"ws://127.0.0.1:%1/ws?name=Caro"_s.arg(m_host->port()))));
    auto *members = m_window->findChild<QListView *>(u"memberList"_s);
    QTRY_COMPARE(members->model()->rowCount(), 3);
    const QModelIndexList bea = members->model()->match(
            members->model()->index(0, 0), Qt::DisplayRole, u"Bea"_s, 1, Qt::MatchExactly);
    QCOMPARE(bea.size(), 1);

    // Keyboard only: pick Bea in the list, Enter, type, Enter.
    members->setFocus();
    members->setCurrentIndex(bea.first());
    QTest::keyClick(members, Qt::Key_Return);
    const auto *recipient = m_window->findChild<QLabel *>(u"recipientLabel"_s);
    QVERIFY(recipient->isVisible());
    QVERIFY(recipient->text().contains(u"Bea"_s));
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QVERIFY(input->hasFocus());
    QTest::keyClicks(input, u"solo para ti"_s);
    QTest::keyClick(input, Qt::Key_Return);
    const QJsonObject direct = m_bea->next(u"message"_s);
    QCOMPARE(direct.value("message").toString(), u"solo para ti"_s);
    QCOMPARE(direct.value("to").toString(), u"Bea"_s);

    // Esc: back to the room; Caro only ever sees the room's message.
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(!recipient->isVisible());
    QTest::keyClicks(input, u"para todos"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(caro.next(u"message"_s).value("message").toString(), u"para todos"_s);
    QCOMPARE(m_bea->next(u"message"_s).value("message").toString(), u"para todos"_s);
    QCOMPARE(caro.eventsOfType(u"message"_s).size(), 1);

    // Both directions are shown as private.
    m_bea->send({{"message", "recibido"}, {"to", "Ana"}});
    auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    QTRY_COMPARE(list->findItems(u"recibido"_s, Qt::MatchEndsWith).size(), 1);
    const QListWidgetItem *reply = list->findItems(u"recibido"_s, Qt::MatchEndsWith).first();
    QCOMPARE(reply->data(MessageDelegate::RecipientRole).toString(), u"Ana"_s);
    QVERIFY(reply->text().contains(u"Bea (privately to Ana)"_s));
    const QListWidgetItem *sent = list->findItems(u"solo para ti"_s, Qt::MatchEndsWith).first();
    QCOMPARE(sent->data(MessageDelegate::RecipientRole).toString(), u"Bea"_s);
    QVERIFY(list->findItems(u"para todos"_s, Qt::MatchEndsWith)
                    .first()
                    ->data(MessageDelegate::RecipientRole)
                    .toString()
                    .isEmpty());

    // The conversation with Bea has a tab of its own, counting her reply while the room is
    // shown; its messages are not in the room's view.
    auto *tabs = m_window->findChild<ConversationTabs *>(u"conversationTabs"_s);
    QVERIFY(tabs->isVisible());
    QCOMPARE(tabs->current(), QString());
    QCOMPARE(tabs->unreadIn(u"Bea"_s), 1);
    QCOMPARE(tabs->tabText(1), u"Bea (1)"_s);
    QVERIFY(reply->isHidden());
    QVERIFY(!list->findItems(u"para todos"_s, Qt::MatchEndsWith).first()->isHidden());
    // One click on it: her conversation, read, and the input writes to her.
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QCOMPARE(tabs->current(), u"Bea"_s);
    QCOMPARE(tabs->tabText(1), u"Bea"_s);
    QVERIFY(!reply->isHidden());
    QVERIFY(list->findItems(u"para todos"_s, Qt::MatchEndsWith).first()->isHidden());
    QVERIFY(recipient->isVisible());
    QTest::keyClicks(input, u"vale"_s);
    QTest::keyClick(input, Qt::Key_Return);
    const QJsonObject answer = m_bea->next(u"message"_s);
    QCOMPARE(answer.value("message").toString(), u"vale"_s);
    QCOMPARE(answer.value("to").toString(), u"Bea"_s);
    // Leaving her tab for the room's: the box follows the tab, in what it says and in where
    // its text goes.
    QVERIFY(input->placeholderText().contains(u"Bea"_s));
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
    QCOMPARE(tabs->current(), QString());
    QVERIFY2(!input->placeholderText().contains(u"Bea"_s), qPrintable(input->placeholderText()));
    QVERIFY(!recipient->isVisible());
    QTest::keyClicks(input, u"otra vez a todos"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(caro.next(u"message"_s).value("message").toString(), u"otra vez a todos"_s);
}

void tst_ChatWindow::trayCountsWhatArrivesWhileTheWindowIsAway()
{
    RoomTray *tray = m_window->tray();
    QSignalSpy notified(tray, &RoomTray::notified);
    const QImage plain = tray->currentIcon().pixmap(64).toImage();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QWidget elsewhere; // the person is working in another window
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));

    m_bea->send({{"message", "uno"}});
    m_bea->send({{"message", "@Ana mira esto"}});
    m_bea->send({{"message", "entre nosotras"}, {"to", "Ana"}});
    QTRY_COMPARE(tray->unreadCount(), 3);
    QCOMPARE(m_window->windowTitle(), u"(3) Tertulia"_s);
    QVERIFY(tray->toolTip().contains(u"3 unread"_s));
    QVERIFY(tray->currentIcon().pixmap(64).toImage() != plain); // the count is on the icon
    // One notification each: the first message, the mention, the direct message.
    QCOMPARE(notified.size(), 3);
    QCOMPARE(notified.at(0).at(0).toString(), u"Bea"_s);
    QCOMPARE(notified.at(1).at(0).toString(), u"Bea mentioned you"_s);
    QCOMPARE(notified.at(2).at(0).toString(), u"Bea wrote to you privately"_s);
    QCOMPARE(notified.at(2).at(1).toString(), u"entre nosotras"_s);

    // Ordinary messages right after do not notify again, but they count.
    m_bea->send({{"message", "dos"}});
    QTRY_COMPARE(tray->unreadCount(), 4);
    QCOMPARE(notified.size(), 3);

    // Back in front (the tray's click does this): all read.
    tray->raiseWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
    QTRY_COMPARE(tray->unreadCount(), 0);
    QCOMPARE(m_window->windowTitle(), u"Tertulia"_s);
    QCOMPARE(tray->currentIcon().pixmap(64).toImage(), plain);

    // Messages read as they arrive are not unread.
    m_bea->send({{"message", "tres"}});
    QTRY_VERIFY(!messageTexts().isEmpty() && messageTexts().last().endsWith(u"tres"_s));
    QCOMPARE(tray->unreadCount(), 0);
}

void tst_ChatWindow::closingWhileHostingAsksWhatToDoWithTheRoom()
{
    auto *controls = new RoomControls(m_window.get()); // as the hosting desktop session does
    QSignalSpy ended(controls, &RoomControls::endRoomRequested);
    QStringList offered;
    const auto answer = [&offered](const QString &choice) {
        QTimer::singleShot(0, [&offered, choice] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), u"closeWhileHostingDialog"_s);
            offered.clear();
            for (QAbstractButton *button : box->buttons())
                offered.append(button->text());
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == choice)
                    button->click();
            }
        });
    };
    answer(u"Cancel"_s);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QCOMPARE(ended.size(), 0);
    QVERIFY(offered.contains(u"End the room for everyone"_s));
    // "Keep it open in the tray" only where there is a tray to keep it in.
    QCOMPARE(offered.contains(u"Keep it open in the tray"_s), RoomTray::isAvailable());

    answer(u"End the room for everyone"_s);
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
    QCOMPARE(ended.size(), 1);
}

void tst_ChatWindow::theRoomMenuEndsTheRoomAfterAsking()
{
    // Issue 30: ending the room had no place of its own but the close dialog, and that dialog
    // spoke of a tray where there was none.
    auto *controls = new RoomControls(m_window.get());
    QSignalSpy ended(controls, &RoomControls::endRoomRequested);
    auto *end = m_window->findChild<QAction *>(u"endRoomAction"_s);
    QVERIFY(end);
    QCOMPARE(end->text(), u"End the room for everyone…"_s);
    QString asked;
    const auto answer = [&asked](const QString &objectName, const QString &choice) {
        QTimer::singleShot(0, [&asked, objectName, choice] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), objectName);
            asked = box->text();
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == choice)
                    button->click();
            }
        });
    };
    answer(u"endRoomDialog"_s, u"Cancel"_s);
    end->trigger();
    QCOMPARE(ended.size(), 0);
    QVERIFY(asked.contains(u"can no longer chat"_s));
    if (!RoomTray::isAvailable()) { // the close dialog speaks of no tray where there is none
        answer(u"closeWhileHostingDialog"_s, u"Cancel"_s);
        QVERIFY(!m_window->close());
        QVERIFY(!asked.contains(u"tray"_s));
        QVERIFY(asked.contains(u"Closing it ends the room for everyone"_s));
    }
    answer(u"endRoomDialog"_s, u"End the room for everyone"_s);
    end->trigger();
    QCOMPARE(ended.size(), 1);
    QVERIFY(m_window->close()); // ending: no second question
}

void tst_ChatWindow::closingAJoinedRoomDoesNotAsk()
{
    // Without the hosting controls (a --join window) nothing asks: no modal dialog would be
    // answered here, and close() would not return.
    m_window->setShareAddress(QUrl(u"http://192.0.2.1:8000/"_s), false);
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
}

void tst_ChatWindow::followsADarkSystemPalette()
{
    const QPalette light = QApplication::palette();
    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    m_bea->send({{"message", "en la oscuridad"}});
    QTRY_VERIFY(!messageTexts().isEmpty() && messageTexts().last().endsWith(u"oscuridad"_s));

    auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    const QImage shot = list->viewport()->grab().toImage();
    QApplication::setPalette(light);
    int darkPixels = 0;
    int brightPixels = 0;
    for (int y = 0; y < shot.height(); ++y) {
        for (int x = 0; x < shot.width(); ++x) {
            const int lightness = shot.pixelColor(x, y).lightness();
            darkPixels += lightness < 60;
            brightPixels += lightness > 150;
        }
    }
    // A dark background with light, readable text (name and words) on it.
    QVERIFY2(darkPixels > shot.width() * shot.height() * 8 / 10,
             qPrintable(QString::number(darkPixels)));
    QVERIFY(brightPixels > 50);
}

void tst_ChatWindow::aHostNeverReachedIsNotALostConnection()
{
    // A port nobody listens on: the address was wrong or the host is not up.
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress::LocalHost));
    const quint16 port = placeholder.serverPort();
    placeholder.close();
    ChatConnection connection;
    ChatWindow window(&connection);
    connection.open(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)), u"Ana"_s);
    const auto *state = window.findChild<QLabel *>(u"connectionState"_s);
    QTRY_VERIFY2(state->text().startsWith(u"Cannot reach 127.0.0.1:%1 ("_s.arg(port)),
                 qPrintable(state->text()));
    QVERIFY2(state->text().contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(state->text()));
    QVERIFY(!state->text().contains(u"lost"_s));
}

void tst_ChatWindow::aCancelledNameChoiceLeavesAWayBackIn()
{
    // Bea is in the room already (the fixture's client): a second Bea is refused.
    ChatConnection connection;
    ChatWindow window(&connection);
    window.show();
    connection.open(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_host->port())), u"Bea"_s);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QInputDialog *>(u"nameDialog"_s)));
    dialog->reject();
    QTRY_VERIFY(!window.findChild<QInputDialog *>(u"nameDialog"_s));

    // Not a dead end: the reason stays, with a way to choose another name.
    const auto *notice = window.findChild<QLabel *>(u"stopNotice"_s);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"Bea"_s), qPrintable(notice->text()));
    auto *askAgain = window.findChild<QPushButton *>(u"askAgainButton"_s);
    QVERIFY(askAgain->isVisible());
    QTest::mouseClick(askAgain, Qt::LeftButton);
    QTRY_VERIFY((dialog = window.findChild<QInputDialog *>(u"nameDialog"_s)));
    dialog->setTextValue(u"Bea2"_s);
    dialog->accept();
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
    QCOMPARE(connection.name(), u"Bea2"_s);
    QVERIFY(!notice->isVisible());
}

void tst_ChatWindow::aLinkOpensWithOneClickAndAMessageCopies()
{
    OpenedLinks opened;
    QDesktopServices::setUrlHandler(u"https"_s, &opened, "open");
    m_bea->send({{"message", "mira https://example.org/x, vale"}});
    auto *list = m_window->findChild<QListWidget *>(u"messageList"_s);
    QTRY_VERIFY(!messageTexts().isEmpty() && messageTexts().last().endsWith(u"vale"_s));
    QListWidgetItem *item = list->item(list->count() - 1);

    // Where the link is drawn, as the delegate lays it out; and a point that is not on it.
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.font = list->font();
    option.rect = list->visualItemRect(item);
    const auto *delegate = static_cast<const MessageDelegate *>(list->itemDelegate());
    const QModelIndex index = list->indexFromItem(item);
    QPoint onLink, offLink;
    for (int y = option.rect.top(); y < option.rect.bottom() && onLink.isNull(); y += 2) {
        for (int x = option.rect.left(); x < option.rect.right(); x += 2) {
            if (delegate->linkAt(option, index, QPoint(x, y)).isValid()) {
                onLink = QPoint(x, y);
                offLink = QPoint(option.rect.left() + 8, y); // on "mira"
                break;
            }
        }
    }
    QVERIFY(!onLink.isNull());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, offLink);
    QVERIFY(opened.urls.isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onLink);
    QCOMPARE(opened.urls, QList<QUrl>{QUrl(u"https://example.org/x"_s)});
    QDesktopServices::unsetUrlHandler(u"https"_s);

    // The message clicked is picked; Ctrl+C copies what it says.
    QCOMPARE(list->currentItem(), item);
    QTest::keySequence(list, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"mira https://example.org/x, vale"_s);
}

QTEST_MAIN(tst_ChatWindow)
#include "tst_chatwindow.moc"
