// MessageText alone: wrapping that never cuts text off, and links found where they are drawn.

#include "messagetext.h"

#include <QtGui/QFontMetrics>
#include <QtGui/QGuiApplication>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_MessageText final : public QObject
{
    Q_OBJECT

private slots:
    void aWordLongerThanTheLineWraps();
    void wordsWrapAtTheirBoundaries();
    void linksAreFoundWhereTheyAreDrawn();
};

namespace {

constexpr int kWidth = 200;

} // namespace

void tst_MessageText::aWordLongerThanTheLineWraps()
{
    const QFont font;
    const QString word(400, u'w');
    const MessageText text(word, font, kWidth);
    const int lineHeight = QFontMetrics(font).lineSpacing();
    // 400 letters at about 10 px each in 200 px: about 20 lines, none wider than the line.
    QVERIFY2(text.height() >= 10 * lineHeight, qPrintable(QString::number(text.height())));
    const QString url = u"https://example.org/"_s + QString(300, u'a');
    QVERIFY(MessageText(url, font, kWidth).height() >= 5 * lineHeight);
}

void tst_MessageText::wordsWrapAtTheirBoundaries()
{
    const QFont font;
    const int lineHeight = QFontMetrics(font).lineSpacing();
    QCOMPARE(MessageText(u"hola"_s, font, kWidth).height(), lineHeight);
    // Lines the writer broke with Shift+Enter stay broken.
    QCOMPARE(MessageText(u"uno\ndos\ntres"_s, font, kWidth).height(), 3 * lineHeight);
    const MessageText sentence(u"una frase con bastantes palabras para ocupar varias líneas"_s,
                               font, kWidth);
    QVERIFY(sentence.height() >= 2 * lineHeight);
}

void tst_MessageText::linksAreFoundWhereTheyAreDrawn()
{
    const QFont font;
    const QString plain = u"mira "_s;
    const MessageText text(plain + u"https://example.org/x, vale"_s, font, 1000);
    const QFontMetrics metrics(font);
    const qreal y = metrics.lineSpacing() / 2.0;
    const qreal linkStart = metrics.horizontalAdvance(plain);
    const qreal linkEnd = metrics.horizontalAdvance(plain + u"https://example.org/x"_s);
    QCOMPARE(text.linkAt(QPointF(linkStart / 2, y)), QUrl()); // on "mira"
    QCOMPARE(text.linkAt(QPointF(linkStart + 3, y)), QUrl(u"https://example.org/x"_s));
    QCOMPARE(text.linkAt(QPointF(linkEnd - 3, y)), QUrl(u"https://example.org/x"_s));
    QCOMPARE(text.linkAt(QPointF(linkEnd + 2, y)), QUrl()); // on the comma after it
    QCOMPARE(text.linkAt(QPointF(linkStart + 3, y + 3 * metrics.lineSpacing())), QUrl());
}

QTEST_MAIN(tst_MessageText)
#include "tst_messagetext.moc"
