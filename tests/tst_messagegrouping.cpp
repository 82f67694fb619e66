// MessageGrouping over a real ConversationView: days named once, a sender's close messages
// grouped, whether they arrive live or as an older page above what is shown.

#include "conversationview.h"
#include "messagedelegate.h"
#include "messagegrouping.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using Tertulia::ChatMessage;

class tst_MessageGrouping final : public QObject
{
    Q_OBJECT

private slots:
    void namesDaysAndGroupsCloseMessages();
    void labelsDays();
};

namespace {

QStringList styles(const QListWidget &list)
{
    QStringList rows;
    for (int row = 0; row < list.count(); ++row) {
        const QListWidgetItem *item = list.item(row);
        const QString day = item->data(MessageDelegate::DayStartRole).toString();
        rows.append((day.isEmpty() ? QString() : u"["_s + day + u"] "_s)
                    + (item->data(MessageDelegate::ContinuationRole).toBool() ? u"+"_s : u""_s)
                    + item->data(MessageDelegate::TextRole).toString());
    }
    return rows;
}

} // namespace

void tst_MessageGrouping::namesDaysAndGroupsCloseMessages()
{
    ConversationView view;
    // Noon, so that nothing here crosses midnight whenever the test runs.
    const QDateTime now = QDateTime(QDate::currentDate(), QTime(12, 0)).toUTC();
    const QDateTime twoDaysAgo = now.addDays(-2);
    const QDateTime yesterday = now.addDays(-1);
    // Live first: today's messages.
    view.addMessage({10, u"Bea"_s, u"hoy"_s, now.addSecs(-600), {}, {}});
    view.addMessage({11, u"Bea"_s, u"hoy, enseguida"_s, now.addSecs(-540), {}, {}});
    view.addMessage({12, u"Bea"_s, u"hoy, mucho después"_s, now, {}, {}});
    view.addMessage({13, u"Ana"_s, u"otra persona"_s, now, {}, {}});
    // Then an older page lands above them.
    view.addOlder({{1, u"Ana"_s, u"anteayer"_s, twoDaysAgo, {}, {}},
                   {2, u"Ana"_s, u"anteayer, enseguida"_s, twoDaysAgo.addSecs(30), {}, {}},
                   {3, u"Ana"_s, u"ayer"_s, yesterday, {}, {}}},
                  false);
    const QString older
            = MessageGrouping::dayLabel(twoDaysAgo.toLocalTime().date(), QDate::currentDate());
    QCOMPARE(styles(view),
             (QStringList{u"[%1] anteayer"_s.arg(older), u"+anteayer, enseguida"_s,
                          u"[Yesterday] ayer"_s, u"[Today] hoy"_s, u"+hoy, enseguida"_s,
                          u"hoy, mucho después"_s, u"otra persona"_s}));
    // A notice between two messages of one sender starts a new group, not a new day.
    view.addNotice(u"Caro joined"_s);
    view.addMessage({14, u"Ana"_s, u"tras el aviso"_s, now, {}, {}});
    QCOMPARE(styles(view).last(), u"tras el aviso"_s);
}

void tst_MessageGrouping::labelsDays()
{
    const QDate today(2026, 12, 2);
    QCOMPARE(MessageGrouping::dayLabel(today, today), u"Today"_s);
    QCOMPARE(MessageGrouping::dayLabel(today.addDays(-1), today), u"Yesterday"_s);
    QVERIFY(MessageGrouping::dayLabel(QDate(2026, 11, 30), today).contains(u"30"_s));
    QVERIFY(MessageGrouping::dayLabel(QDate(2025, 11, 30), today).contains(u"2025"_s));
}

QTEST_MAIN(tst_MessageGrouping)
#include "tst_messagegrouping.moc"
