#include "jsonobjectwriter.h"
#include "serverevent.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <iterator>

using namespace Qt::StringLiterals;
using namespace Tertulia;

// JsonObjectWriter must write what QJsonDocument::Compact writes, byte for byte: the events it
// writes are compared here with the same objects built and written by Qt.
class tst_JsonObjectWriter final : public QObject
{
    Q_OBJECT

private:
    static QByteArray byQt(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

private slots:
    void textIsEscapedAsQtDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"hola, ¿qué tal?"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << u"\"quoted\" \\ back\\\\slash \\\""_s;
        QTest::newRow("named escapes") << u"a\bb\fc\nd\re\tf"_s;
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls.append(QChar(c));
        QTest::newRow("every control character") << controls + u"\x7f"_s;
        QTest::newRow("emoji and scripts") << u"😀 日本語 עברית 🇪🇸 e\u0301"_s;
        QTest::newRow("html") << u"</script><b onclick=\"x\">&amp;</b>"_s;
        QTest::newRow("unicode separators") << u"a\u2028b\u2029c\ufeff"_s;
        QTest::newRow("escape at both ends") << u"\n middle \""_s;
        QTest::newRow("lone surrogates")
                << u"a"_s + QChar(0xd800) + u"b"_s + QChar(0xdc00) + QChar(0xdbff);
    }

    void textIsEscapedAsQtDoes()
    {
        QFETCH(QString, text);
        const QByteArray ours = JsonObjectWriter().add("message"_L1, text).take();
        QCOMPARE(ours, byQt({{u"message"_s, text}}));
        QCOMPARE(QJsonDocument::fromJson(ours).object().value(u"message"_s).toString(), text);
    }

    void randomTextIsWrittenAsQtWritesIt()
    {
        // Any UTF-16 at all: control characters, quotes, lone and paired surrogates,
        // noncharacters, mixed at random (seeded: a failure can be replayed).
        QRandomGenerator random(20261206);
        const char16_t pool[] = {u'a',   u'"',   u'\\',  u'\n',  0x01,   0x1f,   0x7f,   0xe9,
                                 0x2028, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xfffe, 0xffff, 0xfdd0};
        for (int round = 0; round < 20000; ++round) {
            QString text;
            const int length = int(random.bounded(12));
            for (int i = 0; i < length; ++i) {
                text.append(random.bounded(2) ? QChar(pool[random.bounded(int(std::size(pool)))])
                                              : QChar(char16_t(random.bounded(0x10000))));
            }
            const QByteArray ours = JsonObjectWriter().add("t"_L1, text).take();
            QCOMPARE(ours, byQt({{u"t"_s, text}}));
        }
    }

    void numbersBooleansAndTimes_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("now") << QDateTime::currentDateTimeUtc();
        QTest::newRow("zero milliseconds") << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QTest::newRow("local time, written as UTC")
                << QDateTime(QDate(2026, 7, 1), QTime(23, 59, 59, 999), Qt::OffsetFromUTC, 7200);
        QTest::newRow("year 999") << QDateTime(QDate(999, 12, 31), QTime(0, 0), Qt::UTC);
    }

    void numbersBooleansAndTimes()
    {
        QFETCH(QDateTime, time);
        const QByteArray ours = JsonObjectWriter()
                                        .add("away"_L1, true)
                                        .add("host"_L1, false)
                                        .add("id"_L1, qint64(9007199254740991))
                                        .add("n"_L1, qint64(-42))
                                        .addTime("time"_L1, time)
                                        .add("type"_L1, "ack"_L1)
                                        .take();
        QCOMPARE(ours, byQt({{u"away"_s, true},
                             {u"host"_s, false},
                             {u"id"_s, qint64(9007199254740991)},
                             {u"n"_s, -42},
                             {u"time"_s, time.toUTC().toString(Qt::ISODateWithMs)},
                             {u"type"_s, u"ack"_s}}));
    }

    void messageAckAndMemberAreWhatQtWouldWrite()
    {
        const QDateTime time = QDateTime::currentDateTimeUtc();
        ChatMessage message{41, u"Marta"_s, u"¿Vienes?\n\"sí\""_s, time, u"c-1"_s, u"Ana"_s, {}};
        QCOMPARE(ServerEvents::message(message),
                 byQt({{u"id"_s, 41},
                       {u"name"_s, message.name},
                       {u"message"_s, message.text},
                       {u"time"_s, time.toString(Qt::ISODateWithMs)},
                       {u"clientId"_s, message.clientId},
                       {u"to"_s, message.to},
                       {u"type"_s, u"message"_s}}));
        message.clientId.clear();
        message.to.clear();
        QCOMPARE(ServerEvents::message(message),
                 byQt({{u"id"_s, 41},
                       {u"name"_s, message.name},
                       {u"message"_s, message.text},
                       {u"time"_s, time.toString(Qt::ISODateWithMs)},
                       {u"type"_s, u"message"_s}}));
        QCOMPARE(ServerEvents::ack(41, u"c-1"_s, time, {}),
                 byQt({{u"id"_s, 41},
                       {u"time"_s, time.toString(Qt::ISODateWithMs)},
                       {u"clientId"_s, u"c-1"_s},
                       {u"type"_s, u"ack"_s}}));
        QCOMPARE(ServerEvents::memberJson({u"Ana"_s, time, true, true}),
                 byQt({{u"name"_s, u"Ana"_s},
                       {u"since"_s, time.toString(Qt::ISODateWithMs)},
                       {u"away"_s, true},
                       {u"host"_s, true}}));
        // And what a client reads back is what was sent.
        const auto decoded = decodeServerEvent(ServerEvents::message(message));
        QVERIFY(decoded && std::holds_alternative<Events::Message>(*decoded));
        QCOMPARE(std::get<Events::Message>(*decoded).message.text, message.text);
    }
};

QTEST_GUILESS_MAIN(tst_JsonObjectWriter)
#include "tst_jsonobjectwriter.moc"
