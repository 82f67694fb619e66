// ClientFrameGuard: client frames re-framed so that Qt 6.4's per-frame UTF-8 check judges whole
// characters, unmasked frames refused, large frames handed on as they come. The host's end of
// it (a raw client against the real host) is tests/hostile/test_rfc6455.py.

#include "clientframeguard.h"

#include <QtTest/QtTest>

namespace {

constexpr quint8 kText = 0x1, kContinuation = 0x0, kBinary = 0x2, kPing = 0x9;

// A frame as a client sends it: masked with a fixed key, unless told otherwise.
QByteArray clientFrame(quint8 opcode, bool fin, const QByteArray &payload, bool masked = true)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | opcode));
    const quint8 maskBit = masked ? 0x80 : 0;
    const qsizetype size = payload.size();
    if (size < 126) {
        frame.append(char(maskBit | size));
    } else if (size <= 0xFFFF) {
        frame.append(char(maskBit | 126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xFF));
    } else {
        frame.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(size) >> shift) & 0xFF));
    }
    const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    if (masked)
        frame.append(key, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(masked ? char(payload[i] ^ key[i % 4]) : payload[i]);
    return frame;
}

// The same frame as QWebSocket is handed it: unmasked.
QByteArray plainFrame(quint8 opcode, bool fin, const QByteArray &payload)
{
    return clientFrame(opcode, fin, payload, false);
}

QByteArray through(ClientFrameGuard &guard, const QByteArray &input)
{
    QByteArray out;
    guard.feed(input, out);
    return out;
}

} // namespace

class tst_ClientFrameGuard : public QObject
{
    Q_OBJECT

private slots:
    void aWholeTextFrameIsHandedOnUnmasked();
    void aCharacterSplitAcrossFragmentsIsKeptWhole();
    void oneByteFragmentsOfAnEmoji();
    void whatCannotBecomeACharacterIsHandedOnAtOnce_data();
    void whatCannotBecomeACharacterIsHandedOnAtOnce();
    void controlFramesBetweenFragmentsKeepTheCarry();
    void byteByByteGivesWhatAllAtOnceGives();
    void anUnmaskedFrameEndsTheStream();
    void largeFramesAreHandedOnAsTheyCome();
    void binaryIsNeverReframed();
};

void tst_ClientFrameGuard::aWholeTextFrameIsHandedOnUnmasked()
{
    ClientFrameGuard guard(64 * 1024);
    const QByteArray json = R"({"message":"¡Hola, café!"})";
    QCOMPARE(through(guard, clientFrame(kText, true, json)), plainFrame(kText, true, json));
    const QByteArray big(300, 'x'); // a 16-bit length
    QCOMPARE(through(guard, clientFrame(kText, true, big)), plainFrame(kText, true, big));
    QCOMPARE(guard.bytesHeld(), 0);
    QVERIFY(!guard.violated());
}

void tst_ClientFrameGuard::aCharacterSplitAcrossFragmentsIsKeptWhole()
{
    // "café" with its é (C3 A9) split between two fragments (Autobahn 6.2.x's kind).
    ClientFrameGuard guard(64 * 1024);
    QCOMPARE(through(guard, clientFrame(kText, false, "caf\xC3")), plainFrame(kText, false, "caf"));
    QCOMPARE(guard.bytesHeld(), 1);
    QCOMPARE(through(guard, clientFrame(kContinuation, true, "\xA9!")),
             plainFrame(kContinuation, true, "\xC3\xA9!"));
    QCOMPARE(guard.bytesHeld(), 0);
}

void tst_ClientFrameGuard::oneByteFragmentsOfAnEmoji()
{
    ClientFrameGuard guard(64 * 1024);
    const QByteArray grinning = "\xF0\x9F\x98\x80";
    QByteArray out = through(guard, clientFrame(kText, false, grinning.first(1)));
    out += through(guard, clientFrame(kContinuation, false, grinning.sliced(1, 1)));
    out += through(guard, clientFrame(kContinuation, false, grinning.sliced(2, 1)));
    out += through(guard, clientFrame(kContinuation, true, grinning.sliced(3, 1)));
    QCOMPARE(out, plainFrame(kText, false, {}) + plainFrame(kContinuation, false, {})
                          + plainFrame(kContinuation, false, {})
                          + plainFrame(kContinuation, true, grinning));
}

void tst_ClientFrameGuard::whatCannotBecomeACharacterIsHandedOnAtOnce_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QByteArray>("handedOnWithTheSecond");
    // Autobahn 6.4.2: F4 may still begin a character; F4 90 is above U+10FFFF. Qt must see
    // it with the second fragment (to refuse there), not with the first or the third.
    QTest::newRow("above U+10FFFF") << QByteArray("\xCE\xBA\xE1\xBD\xB9\xF4") << QByteArray("\x90")
                                    << QByteArray("\xF4\x90");
    QTest::newRow("a surrogate (ED A0)")
            << QByteArray("a\xED") << QByteArray("\xA0") << QByteArray("\xED\xA0");
    QTest::newRow("overlong (E0 80)")
            << QByteArray("a\xE0") << QByteArray("\x80") << QByteArray("\xE0\x80");
    QTest::newRow("a character interrupted") << QByteArray("a\xE2\x82") << QByteArray("b")
                                             << QByteArray("\xE2\x82"
                                                           "b");
}

void tst_ClientFrameGuard::whatCannotBecomeACharacterIsHandedOnAtOnce()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QByteArray, handedOnWithTheSecond);
    ClientFrameGuard guard(64 * 1024);
    through(guard, clientFrame(kText, false, first));
    QCOMPARE(through(guard, clientFrame(kContinuation, false, second)),
             plainFrame(kContinuation, false, handedOnWithTheSecond));
    QCOMPARE(guard.bytesHeld(), 0);
    // Bytes that never begin a character are not kept back either.
    ClientFrameGuard other(64 * 1024);
    QCOMPARE(through(other, clientFrame(kText, false, "a\xFF")), plainFrame(kText, false, "a\xFF"));
    QCOMPARE(through(other, clientFrame(kContinuation, false, "a\x80\x80\x80")),
             plainFrame(kContinuation, false, "a\x80\x80\x80"));
}

void tst_ClientFrameGuard::controlFramesBetweenFragmentsKeepTheCarry()
{
    ClientFrameGuard guard(64 * 1024);
    QByteArray out = through(guard, clientFrame(kText, false, "ni\xC3"));
    out += through(guard, clientFrame(kPing, true, "are you there"));
    out += through(guard, clientFrame(kContinuation, true, "\xB1o"));
    QCOMPARE(out, plainFrame(kText, false, "ni") + plainFrame(kPing, true, "are you there")
                          + plainFrame(kContinuation, true, "\xC3\xB1o"));
}

void tst_ClientFrameGuard::byteByByteGivesWhatAllAtOnceGives()
{
    const QByteArray input = clientFrame(kText, false, "a\xE2\x82") + clientFrame(kPing, true, "p")
                             + clientFrame(kContinuation, true, "\xAC" + QByteArray(200, 'z'))
                             + clientFrame(kBinary, true, QByteArray(70000, '\x01'))
                             + clientFrame(kText, true, "fin");
    ClientFrameGuard whole(64 * 1024);
    const QByteArray expected = through(whole, input);
    ClientFrameGuard bytewise(64 * 1024);
    QByteArray out;
    for (char byte : input)
        bytewise.feed(QByteArrayView(&byte, 1), out);
    QCOMPARE(out.size(), expected.size());
    QVERIFY(out == expected);
    QVERIFY(expected.startsWith(plainFrame(kText, false, "a")));
    QVERIFY(expected.endsWith(plainFrame(kText, true, "fin")));
}

void tst_ClientFrameGuard::anUnmaskedFrameEndsTheStream()
{
    ClientFrameGuard guard(64 * 1024);
    const QByteArray good = clientFrame(kText, true, "before");
    QByteArray out = through(guard, good + plainFrame(kText, true, "unmasked")
                                            + clientFrame(kText, true, "after"));
    QCOMPARE(out, plainFrame(kText, true, "before")); // nothing from the unmasked one on
    QVERIFY(guard.violated());
    QCOMPARE(guard.closeCode(), quint16(1002));
    QVERIFY(guard.closeReason().contains("masked"));
    QCOMPARE(through(guard, good), QByteArray());
    QCOMPARE(guard.bytesHeld(), 0);
}

void tst_ClientFrameGuard::largeFramesAreHandedOnAsTheyCome()
{
    // Larger than the host takes: its header goes on at once, for Qt to refuse by size; the
    // guard does not gather it first.
    ClientFrameGuard guard(1024);
    const QByteArray frame = clientFrame(kText, true, QByteArray(5000, 'x'));
    const QByteArray out = through(guard, frame.first(100));
    const QByteArray expectedStart = plainFrame(kText, true, QByteArray(5000, 'x')).first(100 - 4);
    QCOMPARE(out, expectedStart); // header (4 bytes, same as sent without the mask) + 92 bytes
    QCOMPARE(guard.bytesHeld(), 0);
}

void tst_ClientFrameGuard::binaryIsNeverReframed()
{
    // A piece of a file, in two frames, arriving in three reads: handed on as it comes.
    ClientFrameGuard guard(1024);
    const QByteArray a(3000, '\xC3'), b(10, '\xA9');
    const QByteArray input = clientFrame(kBinary, false, a) + clientFrame(kContinuation, true, b);
    QByteArray out;
    guard.feed(QByteArrayView(input).first(10), out);
    QCOMPARE(out, plainFrame(kBinary, false, a).first(4 + 2)); // header and 2 payload bytes
    guard.feed(QByteArrayView(input).sliced(10, 2000), out);
    guard.feed(QByteArrayView(input).sliced(2010), out);
    QCOMPARE(out, plainFrame(kBinary, false, a) + plainFrame(kContinuation, true, b));
}

QTEST_GUILESS_MAIN(tst_ClientFrameGuard)
#include "tst_clientframeguard.moc"
