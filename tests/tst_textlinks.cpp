// TextLinks alone: links as people write them in sentences.

#include "textlinks.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

class tst_TextLinks final : public QObject
{
    Q_OBJECT

private slots:
    void findsLinksInSentences_data();
    void findsLinksInSentences();
};

void tst_TextLinks::findsLinksInSentences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("plain") << u"https://example.org/x"_s << QStringList{u"https://example.org/x"_s};
    QTest::newRow("comma after") << u"see https://h.example/x, then"_s
                                 << QStringList{u"https://h.example/x"_s};
    QTest::newRow("sentence ends")
            << u"It is at http://h.example/a/b."_s << QStringList{u"http://h.example/a/b"_s};
    QTest::newRow("ellipsis and question")
            << u"¿https://h.example/?… or https://k.example/!?"_s
            << QStringList{u"https://h.example/"_s, u"https://k.example/"_s};
    QTest::newRow("query kept") << u"https://h.example/s?q=1&r=2!"_s
                                << QStringList{u"https://h.example/s?q=1&r=2"_s};
    QTest::newRow("in brackets") << u"(see https://h.example/x)"_s
                                 << QStringList{u"https://h.example/x"_s};
    QTest::newRow("its own brackets") << u"(https://en.wikipedia.org/wiki/Foo_(bar))."_s
                                      << QStringList{u"https://en.wikipedia.org/wiki/Foo_(bar)"_s};
    QTest::newRow("not a link") << u"javascript:alert(1) ftp://h.example/ http://"_s
                                << QStringList{};
}

void tst_TextLinks::findsLinksInSentences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, links);
    QStringList found;
    for (const TextLinks::Link &link : TextLinks::find(text)) {
        QCOMPARE(text.mid(link.start, link.length), link.url.toString());
        found.append(link.url.toString());
    }
    QCOMPARE(found, links);
}

QTEST_APPLESS_MAIN(tst_TextLinks)
#include "tst_textlinks.moc"
