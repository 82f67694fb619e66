// The hosting window over a lively room at the sizes people use, light and dark: the input
// and Send stay inside the window, the conversation keeps most of it, no message runs past
// the list's edge. Each one is saved as a picture (TERTULIA_ARTIFACTS) to look at.

#include "chatconnection.h"
#include "chathost.h"
#include "chatwindow.h"
#include "messageinput.h"
#include "roomcontrols.h"
#include "support/darkpalette.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

class tst_WindowLayout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aLivelyRoomFits_data();
    void aLivelyRoomFits();

private:
    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<TestClient> m_bea;
};

namespace {

// The widget's rectangle in its window's coordinates.
QRect inWindow(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

} // namespace

void tst_WindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_host = std::make_unique<TestHost>();
    m_host->settings.backlog = 60;
    QVERIFY(m_host->start());
    m_bea = std::make_unique<TestClient>();
    QVERIFY(m_bea->open(m_host->socketUrl(u"name=Bea%20Castillo"_s)));
    const QStringList lines{
            u"Morning! Is the trip still on for Saturday?"_s,
            u"The itinerary is at https://example.org/trip/itinerary, see day 2."_s,
            u"Plan:\n1. train at 8:05\n2. museum\n3. dinner"_s,
            QString(300, u'w'),
            u"@Ana can you book the table?"_s,
    };
    for (int i = 0; i < 30; ++i) {
        m_bea->send({{"message", lines.at(i % lines.size())}});
        QVERIFY(!m_bea->next(u"ack"_s).isEmpty());
    }
}

void tst_WindowLayout::aLivelyRoomFits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    for (const QSize size : {QSize(560, 440), QSize(820, 640), QSize(1280, 800)}) {
        for (const bool dark : {false, true}) {
            QTest::addRow("%dx%d %s", size.width(), size.height(), dark ? "dark" : "light")
                    << size << dark;
        }
    }
}

void tst_WindowLayout::aLivelyRoomFits()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    const QPalette light = QApplication::palette();
    if (dark)
        QApplication::setPalette(darkPalette());
    ChatConnection connection;
    ChatWindow window(&connection);
    auto *controls = new RoomControls(&window); // hosting, as the desktop session has it
    controls->setShareAddresses({m_host->pageUrl()});
    window.setShareAddress(m_host->pageUrl(), true);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    connection.open(m_host->pageUrl(), u"Ana"_s);
    const auto *list = window.findChild<QListWidget *>(u"messageList"_s);
    QTRY_VERIFY(list->count() >= 30);
    m_bea->send({{"message", "solo para ti"}, {"to", "Ana"}});
    QTest::qWait(200); // laid out, scrolled to the newest

    const QRect frame = window.rect();
    const auto *input = window.findChild<MessageInput *>(u"messageInput"_s);
    const auto *send = window.findChild<QPushButton *>(u"sendButton"_s);
    QVERIFY2(frame.contains(inWindow(input)), "the input is inside the window");
    QVERIFY2(frame.contains(inWindow(send)), "Send is inside the window");
    QVERIFY2(list->height() > size.height() / 2,
             qPrintable(
                     u"the conversation has %1 of %2 px"_s.arg(list->height()).arg(size.height())));
    // The newest message of the conversation shown is in view.
    const QListWidgetItem *newest = nullptr;
    for (int row = list->count() - 1; row >= 0 && !newest; --row) {
        if (!list->item(row)->isHidden())
            newest = list->item(row);
    }
    QTRY_VERIFY(list->viewport()->rect().intersects(list->visualItemRect(newest)));
    // No message runs past the list's visible edge (a 300-letter word among them).
    for (int row = 0; row < list->count(); ++row) {
        const QRect item = list->visualItemRect(list->item(row));
        if (!item.isEmpty())
            QVERIFY2(item.right() <= list->viewport()->width(), qPrintable(QString::number(row)));
    }
    if (const QString artifacts = qEnvironmentVariable("TERTULIA_ARTIFACTS");
        !artifacts.isEmpty()) {
        QDir().mkpath(artifacts);
        window.grab().save(u"%1/window-%2x%3-%4.png"_s.arg(artifacts)
                                   .arg(size.width())
                                   .arg(size.height())
                                   .arg(dark ? u"dark"_s : u"light"_s));
    }
    connection.close();
    QApplication::setPalette(light);
}

QTEST_MAIN(tst_WindowLayout)
#include "tst_windowlayout.moc"
