// MessageDelegate's colours: every sender's name readable on a light and on a dark base
// (WCAG AA, 4.5:1), and senders told apart by more than a few hues.

#include "messagedelegate.h"

#include <QtGui/QPalette>
#include <QtTest/QtTest>

#include <cmath>

using namespace Qt::StringLiterals;

class tst_MessageDelegate final : public QObject
{
    Q_OBJECT

private slots:
    void namesAreReadableAndDistinct_data();
    void namesAreReadableAndDistinct();
};

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
           + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

void tst_MessageDelegate::namesAreReadableAndDistinct_data()
{
    QTest::addColumn<QColor>("base");
    QTest::newRow("light") << QColor(Qt::white);
    QTest::newRow("dark") << QColor(0x1e, 0x1e, 0x1e);
}

void tst_MessageDelegate::namesAreReadableAndDistinct()
{
    QFETCH(QColor, base);
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    QSet<QRgb> colours;
    for (int i = 0; i < 300; ++i) {
        const QString name = u"Member %1"_s.arg(i);
        const QColor colour = MessageDelegate::nameColor(name, palette);
        QVERIFY2(contrast(colour, base) >= 4.5,
                 qPrintable(u"%1: %2 on %3 is %4:1"_s.arg(name, colour.name(), base.name())
                                    .arg(contrast(colour, base), 0, 'f', 2)));
        colours.insert(colour.rgb());
    }
    QCOMPARE(colours.size(), 12);
}

QTEST_GUILESS_MAIN(tst_MessageDelegate)
#include "tst_messagedelegate.moc"
