// StartProblemDialog with real button clicks: each problem offers its fix, and Quit.

#include "startproblemdialog.h"

#include <QtTest/QtTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>

using namespace Qt::StringLiterals;

class tst_StartProblemDialog final : public QObject
{
    Q_OBJECT

private slots:
    void offersTheFixThatApplies_data();
    void offersTheFixThatApplies();
};

namespace {

QStringList buttonTexts(const QMessageBox &box)
{
    QStringList texts;
    for (const QAbstractButton *button : box.buttons())
        texts.append(button->text());
    texts.sort();
    return texts;
}

} // namespace

void tst_StartProblemDialog::offersTheFixThatApplies_data()
{
    using Problem = StartProblemDialog::Problem;
    using Choice = StartProblemDialog::Choice;
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<QStringList>("buttons");
    QTest::addColumn<QString>("clicked");
    QTest::addColumn<Choice>("choice");
    QTest::newRow("port taken, fixed")
            << Problem::PortTaken << QStringList{u"Quit"_s, u"Use any free port"_s}
            << u"Use any free port"_s << Choice::AnyFreePort;
    QTest::newRow("port taken, quit")
            << Problem::PortTaken << QStringList{u"Quit"_s, u"Use any free port"_s} << u"Quit"_s
            << Choice::Quit;
    QTest::newRow("address missing")
            << Problem::AddressMissing << QStringList{u"Listen on every address"_s, u"Quit"_s}
            << u"Listen on every address"_s << Choice::EveryAddress;
    QTest::newRow("a broken history: nothing to offer")
            << Problem::Other << QStringList{u"Quit"_s} << u"Quit"_s << Choice::Quit;
}

void tst_StartProblemDialog::offersTheFixThatApplies()
{
    QFETCH(StartProblemDialog::Problem, problem);
    QFETCH(QStringList, buttons);
    QFETCH(QString, clicked);
    QFETCH(StartProblemDialog::Choice, choice);
    StartProblemDialog dialog(problem, u"Cannot listen on 0.0.0.0 port 8080: address in use"_s);
    QCOMPARE(buttonTexts(dialog), buttons);
    QCOMPARE(dialog.text(), u"Cannot listen on 0.0.0.0 port 8080: address in use"_s);
    QTimer::singleShot(0, &dialog, [&dialog, clicked] {
        for (QAbstractButton *button : dialog.buttons()) {
            if (button->text() == clicked)
                QTest::mouseClick(button, Qt::LeftButton);
        }
    });
    QCOMPARE(dialog.ask(), choice);
}

QTEST_MAIN(tst_StartProblemDialog)
#include "tst_startproblemdialog.moc"
