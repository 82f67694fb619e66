// The wire protocol: payload decoding, name and text rules, and event round trips.

#include "clientrequest.h"
#include "names.h"
#include "protocolmodule.h"
#include "serverevent.h"
#include "textchecks.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using namespace Tertulia;

class tst_Protocol final : public QObject
{
    Q_OBJECT

private slots:
    void decodesTheSeedPayload();
    void decodesJoinAndTypedMessages();
    void refusesInvalidPayloads_data();
    void refusesInvalidPayloads();
    void refusesBadNames_data();
    void refusesBadNames();
    void namesAreTrimmedAndComparedIgnoringCase();
    void nameLengthCountsCharactersNotUtf16Units();
    void controlCharactersAreUnicodesOwn();
    void clientRequestsRoundTrip();
    void fileOffersAndPiecesRoundTrip();
    void serverEventsRoundTrip();
    void presenceRoundTrips();
    void unknownServerEventsAreIgnored();
    void everyCodeSaysWhatClientsDo();
    void everyCodeIsDocumented();
    void thePageGetsTheSameTable();
};

// The request `frame` decodes to, if it is an R.
template<typename R>
std::optional<R> requestAs(const QString &frame)
{
    const DecodedClientRequest decoded = decodeClientRequest(frame);
    if (const auto *request = std::get_if<ClientRequest>(&decoded)) {
        if (const auto *typed = std::get_if<R>(request))
            return *typed;
    }
    return std::nullopt;
}

void tst_Protocol::decodesTheSeedPayload()
{
    const auto payload
            = requestAs<Requests::Message>(u"{\"name\": \"Ana\", \"message\": \"hola\"}"_s);
    QVERIFY(payload);
    QCOMPARE(payload->name, u"Ana"_s);
    QCOMPARE(payload->message, u"hola"_s);
    QVERIFY(payload->clientId.isEmpty());
}

void tst_Protocol::decodesJoinAndTypedMessages()
{
    const auto join = requestAs<Requests::Join>(u"{\"type\":\"join\",\"name\":\" Bea \"}"_s);
    QVERIFY(join);
    QCOMPARE(join->name, u"Bea"_s);
    QVERIFY(!join->resumable);

    const auto payload = requestAs<Requests::Message>(
            u"{\"type\":\"message\",\"message\":\"  two\\nlines\\t\",\"clientId\":\"abc\"}"_s);
    QVERIFY(payload);
    QVERIFY(payload->name.isEmpty());
    QCOMPARE(payload->message, u"  two\nlines\t"_s); // text is kept exactly as typed
    QCOMPARE(payload->clientId, u"abc"_s);
}

void tst_Protocol::refusesInvalidPayloads_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("empty frame") << u""_s << ErrorCode::BadJson;
    QTest::newRow("plain text") << u"hola"_s << ErrorCode::BadJson;
    QTest::newRow("trailing garbage") << u"{\"message\":\"x\"} x"_s << ErrorCode::BadJson;
    QTest::newRow("array") << u"[1,2]"_s << ErrorCode::NotAnObject;
    QTest::newRow("number") << u"42"_s << ErrorCode::NotAnObject;
    QTest::newRow("null") << u"null"_s << ErrorCode::NotAnObject;
    QTest::newRow("two values") << u"1 2"_s << ErrorCode::BadJson;
    QTest::newRow("type is a number") << u"{\"type\":1}"_s << ErrorCode::BadField;
    QTest::newRow("unknown type") << u"{\"type\":\"kick\"}"_s << ErrorCode::UnknownType;
    QTest::newRow("name is an object")
            << u"{\"name\":{},\"message\":\"x\"}"_s << ErrorCode::BadField;
    QTest::newRow("message missing") << u"{\"name\":\"Ana\"}"_s << ErrorCode::BadField;
    QTest::newRow("message is null") << u"{\"message\":null}"_s << ErrorCode::BadField;
    QTest::newRow("message is a bool") << u"{\"message\":true}"_s << ErrorCode::BadField;
    QTest::newRow("clientId is a number")
            << u"{\"message\":\"x\",\"clientId\":3}"_s << ErrorCode::BadField;
    QTest::newRow("to is a number") << u"{\"message\":\"x\",\"to\":5}"_s << ErrorCode::BadField;
    QTest::newRow("to is blank") << u"{\"message\":\"x\",\"to\":\"  \"}"_s << ErrorCode::BadField;
    QTest::newRow("since is negative")
            << u"{\"type\":\"join\",\"since\":-1}"_s << ErrorCode::BadField;
    QTest::newRow("before is a string")
            << u"{\"type\":\"history\",\"before\":\"9\"}"_s << ErrorCode::BadField;
    QTest::newRow("after is fractional")
            << u"{\"type\":\"history\",\"after\":1.5}"_s << ErrorCode::BadField;
    QTest::newRow("empty message") << u"{\"message\":\"\"}"_s << ErrorCode::EmptyMessage;
    QTest::newRow("white space only")
            << u"{\"message\":\"\\u00a0 \\n\"}"_s << ErrorCode::EmptyMessage;
    QTest::newRow("bell") << u"{\"message\":\"a\\u0007\"}"_s << ErrorCode::MessageInvalid;
    QTest::newRow("escape") << u"{\"message\":\"\\u001b[2J\"}"_s << ErrorCode::MessageInvalid;
    QTest::newRow("line separator")
            << u"{\"message\":\"a\\u2028b\"}"_s << ErrorCode::MessageInvalid;
    QTest::newRow("too long") << u"{\"message\":\"%1\"}"_s.arg(QString(4001, u'y'))
                              << ErrorCode::MessageTooLong;
    QTest::newRow("file offer without size")
            << u"{\"type\":\"file_offer\",\"file\":\"a.png\"}"_s << ErrorCode::BadField;
    QTest::newRow("file offer of 0 bytes")
            << u"{\"type\":\"file_offer\",\"file\":\"a.png\",\"size\":0}"_s << ErrorCode::BadField;
    QTest::newRow("file offer named only by its path")
            << u"{\"type\":\"file_offer\",\"file\":\"../../\",\"size\":5}"_s << ErrorCode::BadField;
    QTest::newRow("file offer with a short sha256")
            << u"{\"type\":\"file_offer\",\"file\":\"a\",\"size\":5,\"sha256\":\"ab\"}"_s
            << ErrorCode::BadField;
    QTest::newRow("file offer going on with no upload id")
            << u"{\"type\":\"file_offer\",\"file\":\"a\",\"size\":5,\"upload\":\"x\"}"_s
            << ErrorCode::BadField;
    QTest::newRow("file cancel without upload")
            << u"{\"type\":\"file_cancel\"}"_s << ErrorCode::BadField;
}

void tst_Protocol::refusesInvalidPayloads()
{
    QFETCH(QString, frame);
    QFETCH(ErrorCode, code);
    const DecodedClientRequest decoded = decodeClientRequest(frame);
    const auto *error = std::get_if<ProtocolError>(&decoded);
    QVERIFY2(error, "the payload was accepted");
    QCOMPARE(errorCodeName(error->code), errorCodeName(code));
    QVERIFY(!error->reason.isEmpty());
}

void tst_Protocol::refusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("33 characters") << QString(33, u'n');
    QTest::newRow("tab") << u"a\tb"_s;
    QTest::newRow("newline") << u"a\nb"_s;
    QTest::newRow("NUL") << u"a"_s + QChar(0) + u"b"_s;
    QTest::newRow("C1 control") << u"a\u0085b"_s;
    QTest::newRow("DEL") << u"a\u007fb"_s;
    QTest::newRow("line separator") << u"a\u2028b"_s;
}

void tst_Protocol::refusesBadNames()
{
    QFETCH(QString, name);
    const std::optional<ProtocolError> problem = Names::problemWith(name);
    QVERIFY(problem);
    QCOMPARE(errorCodeName(problem->code), u"name_invalid"_s);
    QVERIFY(!problem->reason.isEmpty());
}

void tst_Protocol::namesAreTrimmedAndComparedIgnoringCase()
{
    QCOMPARE(Names::normalized(u"  Ana \t"_s), u"Ana"_s);
    QCOMPARE(Names::uniquenessKey(u"ANA"_s), Names::uniquenessKey(u"ana"_s));
    QCOMPARE(Names::uniquenessKey(u"ÁLVARO"_s), Names::uniquenessKey(u"álvaro"_s));
    QVERIFY(Names::uniquenessKey(u"Ana"_s) != Names::uniquenessKey(u"Ane"_s));
    QVERIFY(!Names::problemWith(u"José María"_s));
}

void tst_Protocol::controlCharactersAreUnicodesOwn()
{
    // The check computes what Unicode's table says (category Cc, plus the line and paragraph
    // separators): every UTF-16 unit, alone and inside text, against QChar's table.
    using TextChecks::Allow;
    for (char32_t unit = 0; unit <= 0xffff; ++unit) {
        const QChar c{char16_t(unit)};
        const bool expected
                = c.category() == QChar::Other_Control || unit == 0x2028 || unit == 0x2029;
        const QString text = u"ab"_s + c + u"cd"_s;
        QCOMPARE(TextChecks::containsControlCharacter(text, Allow::Nothing), expected);
        const bool tabOrNewline = unit == u'\t' || unit == u'\n';
        QCOMPARE(TextChecks::containsControlCharacter(text, Allow::TabAndNewline),
                 expected && !tabOrNewline);
    }
}

void tst_Protocol::nameLengthCountsCharactersNotUtf16Units()
{
    QVERIFY(!Names::problemWith(QString(u"🙂"_s).repeated(32)));
    QVERIFY(Names::problemWith(QString(u"🙂"_s).repeated(33)));
    QVERIFY(!Names::problemWith(QString(32, u'ñ')));
}

void tst_Protocol::clientRequestsRoundTrip()
{
    const auto join = requestAs<Requests::Join>(encodeJoinRequest(u"Ana"_s));
    QVERIFY(join);
    QCOMPARE(join->name, u"Ana"_s);
    QVERIFY(join->resumable); // the native client always asks to keep its name
    const auto chat = requestAs<Requests::Message>(
            encodeChatRequest(u"Ana"_s, u"\"quoted\" 🎉"_s, u"id-1"_s));
    QVERIFY(chat);
    QCOMPARE(chat->message, u"\"quoted\" 🎉"_s);
    QCOMPARE(chat->clientId, u"id-1"_s);
    QVERIFY(chat->to.isEmpty());
    const auto direct = requestAs<Requests::Message>(
            encodeChatRequest(u"Ana"_s, u"psst"_s, u"id-2"_s, u" Bea "_s));
    QVERIFY(direct);
    QCOMPARE(direct->to, u"Bea"_s); // normalised like any name
    const auto resume = requestAs<Requests::Join>(encodeJoinRequest(u"Ana"_s, 42, u"tok"_s));
    QVERIFY(resume);
    QCOMPARE(resume->since, 42);
    QCOMPARE(resume->resume, u"tok"_s);
    const auto history = requestAs<Requests::History>(encodeHistoryRequest(10, -1, 50));
    QVERIFY(history);
    QCOMPARE(history->before, 10);
    QCOMPARE(history->after, -1);
    QCOMPARE(history->limit, 50);
}

void tst_Protocol::fileOffersAndPiecesRoundTrip()
{
    const QString upload = u"0123456789abcdef0123456789abcdef"_s;
    const auto offer = requestAs<Requests::FileOffer>(encodeFileOffer(
            u"C:\\fotos/la\u0007 playa.jpg"_s, 1234, u"f1"_s, u"Bea"_s, upload.toUpper()));
    QVERIFY(offer);
    QCOMPARE(offer->fileName, u"la playa.jpg"_s); // no path, no control character
    QCOMPARE(offer->size, 1234);
    QCOMPARE(offer->clientId, u"f1"_s);
    QCOMPARE(offer->to, u"Bea"_s);
    QCOMPARE(offer->upload, upload);
    const auto cancel = requestAs<Requests::FileCancel>(encodeFileCancel(upload));
    QVERIFY(cancel);
    QCOMPARE(cancel->upload, upload);

    const QByteArray bytes("the bytes of a file");
    const QByteArray frame = FileChunk::encode(upload, 5'000'000'000, bytes);
    QCOMPARE(frame.size(), FileChunk::kHeaderBytes + bytes.size());
    const auto chunk = FileChunk::decode(frame);
    QVERIFY(chunk);
    QCOMPARE(chunk->upload, upload);
    QCOMPARE(chunk->offset, 5'000'000'000);
    QCOMPARE(chunk->bytes.toByteArray(), bytes);
    QVERIFY(!FileChunk::decode(QByteArray(23, 'x'))); // shorter than its header
    QVERIFY(!FileChunk::decode(QByteArray(16, 'x') + QByteArray(8, '\xff'))); // offset < 0
}

namespace {

// The event decoded from what the host encoded, as the type it must be (fails the test if not).
template<typename Event>
Event decodedAs(const QByteArray &encoded)
{
    const std::optional<ServerEvent> event = decodeServerEvent(encoded);
    if (!event || !std::holds_alternative<Event>(*event)) {
        QTest::qFail(
                qPrintable(u"not a %1 event: "_s.arg(Event::kType) + QString::fromUtf8(encoded)),
                __FILE__, __LINE__);
        return {};
    }
    return std::get<Event>(*event);
}

} // namespace

void tst_Protocol::serverEventsRoundTrip()
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    const auto message = decodedAs<Events::Message>(
            ServerEvents::message({7, u"Bea"_s, u"<b>hola</b>"_s, time, u"c7"_s, u"Ana"_s}));
    QCOMPARE(message.message.id, 7);
    QCOMPARE(message.message.name, u"Bea"_s);
    QCOMPARE(message.message.text, u"<b>hola</b>"_s);
    QCOMPARE(message.message.time, time);
    QCOMPARE(message.message.clientId, u"c7"_s);
    QCOMPARE(message.message.to, u"Ana"_s);
    QVERIFY(message.message.isDirect());

    const auto ack = decodedAs<Events::Ack>(ServerEvents::ack(7, u"c1"_s, time));
    QCOMPARE(ack.id, 7);
    QCOMPARE(ack.clientId, u"c1"_s);
    QCOMPARE(ack.time, time);

    const QList<MemberInfo> members{{u"Ana"_s, time, true}, {u"Bea"_s, time.addSecs(5)}};
    const QByteArray membersJson = ServerEvents::memberJson(members.at(0)) + ','
                                   + ServerEvents::memberJson(members.at(1));
    RoomLimits limits;
    limits.messageLength = 100;
    limits.messagesPerSecond = 2.5;
    const auto welcome = decodedAs<Events::Welcome>(ServerEvents::welcome(
            u"Bea"_s, {membersJson, true, 2}, time, u"token"_s, ServerEvents::limitsJson(limits)));
    QCOMPARE(welcome.name, u"Bea"_s);
    QCOMPARE(welcome.members, members);
    QVERIFY(welcome.membersComplete);
    QCOMPARE(welcome.memberCount, 2);
    QCOMPARE(welcome.limits.memberPage, Limits::kMemberPage);
    // A large room: a count and the first page of the list, under another name, so that no
    // client takes the page for everyone.
    const QByteArray large = ServerEvents::welcome(u"Bea"_s, {membersJson, false, 3000}, time,
                                                   u"token"_s, ServerEvents::limitsJson(limits));
    QVERIFY(!large.contains("\"members\""));
    const auto summary = decodedAs<Events::Welcome>(large);
    QVERIFY(!summary.membersComplete);
    QCOMPARE(summary.memberCount, 3000);
    QCOMPARE(summary.members, members);
    QCOMPARE(welcome.resumeToken, u"token"_s);
    QCOMPARE(welcome.limits.messageLength, 100);
    QCOMPARE(welcome.limits.messagesPerSecond, 2.5);
    QCOMPARE(welcome.limits.nameLength, Limits::kMaxNameLength);

    const FileInfo picture{u"9b2f6c1d0e8a4f7b3c5d6e7f8a9b0c1d"_s,
                           u"playa 1.jpg"_s,
                           402'133,
                           u"image/jpeg"_s,
                           1600,
                           1200};
    const auto withFile = decodedAs<Events::Message>(
            ServerEvents::message({8, u"Ana"_s, picture.name, time, u"f1"_s, {}, picture}));
    QCOMPARE(withFile.message.file.id, picture.id);
    QCOMPARE(withFile.message.file.size, picture.size);
    QCOMPARE(withFile.message.file.width, 1600);
    QCOMPARE(withFile.message.file.path(), u"/files/%1/playa%201.jpg"_s.arg(picture.id));
    QVERIFY(withFile.message.file.isPicture());
    QCOMPARE(decodedAs<Events::Ack>(ServerEvents::ack(8, u"f1"_s, time, picture)).file.name,
             picture.name);
    const auto accepted = decodedAs<Events::FileAccepted>(
            ServerEvents::fileAccepted({u"f1"_s, picture.id, 524'288, 262'144, 4}));
    QCOMPARE((QList<qint64>{accepted.offset, accepted.chunkBytes, accepted.window}),
             (QList<qint64>{524'288, 262'144, 4}));
    QCOMPARE(decodedAs<Events::FileProgress>(ServerEvents::fileProgress({picture.id, 99})).received,
             99);
    using Stage = Events::FileProgress::Stage;
    const auto waiting = decodedAs<Events::FileProgress>(
            ServerEvents::fileProgress({picture.id, 1000, Stage::Waiting, 2}));
    QCOMPARE(waiting.stage, Stage::Waiting);
    QCOMPARE(waiting.ahead, 2);
    QCOMPARE(decodedAs<Events::FileProgress>(
                     ServerEvents::fileProgress({picture.id, 1000, Stage::Processing}))
                     .stage,
             Stage::Processing);
    const auto seen = decodedAs<Events::Upload>(ServerEvents::upload(
            {picture.id, u"Ana"_s, u"video.mp4"_s, 1000, 250, u"Bea"_s, true}));
    QCOMPARE(seen.fileName, u"video.mp4"_s);
    QCOMPARE(seen.to, u"Bea"_s);
    QVERIFY(seen.ended);

    const auto ended = decodedAs<Events::RoomEnded>(ServerEvents::roomEnded(u"Time to go home."_s));
    QCOMPARE(ended.reason, u"Time to go home."_s);

    const QList<ChatMessage> page{{3, u"Ana"_s, u"uno"_s, time, {}, {}},
                                  {4, u"Bea"_s, u"dos"_s, time.addSecs(1), u"x"_s, {}}};
    const auto history = decodedAs<Events::History>(ServerEvents::history(page, true, 5, -1));
    QCOMPARE(history.messages.size(), 2);
    QCOMPARE(history.messages.at(1).text, u"dos"_s);
    QCOMPARE(history.messages.at(1).clientId, u"x"_s);
    QCOMPARE(history.messages.at(0).time, time);
    QVERIFY(history.hasMore);
    QCOMPARE(history.before, 5);
    QCOMPARE(history.after, -1);

    const auto error = decodedAs<Events::Error>(
            ServerEvents::error({ErrorCode::NameTaken, u"Someone is called that."_s}, u"c9"_s));
    QCOMPARE(error.clientId, u"c9"_s);
    QCOMPARE(error.code, u"name_taken"_s);
    QCOMPARE(error.reason, u"Someone is called that."_s);
}

void tst_Protocol::presenceRoundTrips()
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    const QList<MemberInfo> members{{u"Ana"_s, time}};
    const auto everyone = decodedAs<Events::Presence>(
            ServerEvents::presence({{u"Ana"_s}, {u"Bea"_s, u"Caro"_s}, 0, 1, members, time}));
    QCOMPARE(everyone.joined, QStringList{u"Ana"_s});
    QCOMPARE(everyone.left, (QStringList{u"Bea"_s, u"Caro"_s}));
    QCOMPARE(everyone.members, std::optional<QList<MemberInfo>>(members));
    QCOMPARE(everyone.count, 1);
    QCOMPARE(everyone.time, time);
    // A crowd: the count and some names, and no member list at all (not an empty one).
    const auto crowd = decodedAs<Events::Presence>(
            ServerEvents::presence({{u"Ana"_s}, {}, 41, 3000, std::nullopt, time}));
    QVERIFY(!crowd.members);
    QCOMPARE(crowd.count, 3000);
    QCOMPARE(crowd.others, 41);

    // Rows of the list, and a search's answer.
    const auto rows = decodedAs<Events::Members>(ServerEvents::memberPage(3000, 120, members));
    QCOMPARE((QList<int>{rows.total, rows.from}), (QList<int>{3000, 120}));
    QCOMPARE(rows.members, members);
    const auto found
            = decodedAs<Events::Members>(ServerEvents::memberSearch(3000, u"an"_s, members));
    QCOMPARE(found.from, -1);
    QCOMPARE(found.prefix, u"an"_s);
    QCOMPARE(found.members, members);

    const auto watch = requestAs<Requests::Members>(encodeMembersWatch(40, 60));
    QVERIFY(watch);
    QCOMPARE((QList<qint64>{watch->from, watch->limit}), (QList<qint64>{40, 60}));
    const auto search = requestAs<Requests::Members>(encodeMembersSearch(u"Án"_s, 500));
    QVERIFY(search);
    QCOMPARE(search->from, -1);
    QCOMPARE(search->prefix, u"Án"_s);
    QCOMPARE(search->limit, Limits::kMemberPage); // capped
    const auto firstOfAll = requestAs<Requests::Members>(encodeMembersSearch(QString(), 8));
    QVERIFY(firstOfAll); // an empty prefix is a search too: the first members of all
    QCOMPARE(firstOfAll->limit, 8);
    // Neither or both of a range and a search: the client is told which field is wrong.
    for (const char *bad :
         {R"({"type":"members"})", R"({"type":"members","from":0,"prefix":"a"})",
          R"({"type":"members","from":-1})", R"({"type":"members","prefix":7})"}) {
        const auto decoded = decodeClientRequest(QString::fromUtf8(bad));
        QVERIFY2(std::holds_alternative<ProtocolError>(decoded), bad);
        QCOMPARE(std::get<ProtocolError>(decoded).code, ErrorCode::BadField);
    }
}

void tst_Protocol::unknownServerEventsAreIgnored()
{
    // Known ones, of course, are not: every type the host sends decodes.
    QCOMPARE(decodedAs<Events::Typing>(ServerEvents::typing(u"Ana"_s)).name, u"Ana"_s);
    QVERIFY(requestAs<Requests::Typing>(encodeTypingNotice()));

    QVERIFY(!decodeServerEvent("{\"type\":\"future-feature\"}"));
    QVERIFY(!decodeServerEvent("not json"));
    QVERIFY(!decodeServerEvent("{\"message\":\"no type\"}"));
}

QTEST_GUILESS_MAIN(tst_Protocol)
void tst_Protocol::everyCodeSaysWhatClientsDo()
{
    QSet<QString> names;
    for (const ErrorSpec &spec : errorTable()) {
        const QString name = QString::fromLatin1(spec.name);
        QVERIFY2(!names.contains(name), spec.name);
        names.insert(name);
        QVERIFY2(!clientActionName(spec.action).isEmpty(), spec.name);
        QVERIFY2(qstrlen(spec.sentence) > 0, spec.name);
        QCOMPARE(errorSpecNamed(name), &spec);
        // A code that stops or asks always closes, so a client that lost the event still knows;
        // "blocked" is the HTTP 403 that comes instead of any WebSocket.
        if ((spec.action == ClientAction::Stop || spec.action == ClientAction::AskName)
            && spec.code != ErrorCode::Blocked)
            QVERIFY2(spec.closeCode != 0, spec.name);
        if (spec.closeCode != 0)
            QCOMPARE(errorSpecForClose(spec.closeCode)->closeCode, spec.closeCode);
    }
    // Stop-codes are told apart by their close codes alone.
    QCOMPARE(errorSpecForClose(CloseCode::kRemoved)->code, ErrorCode::Removed);
    QCOMPARE(errorSpecForClose(CloseCode::kRoomLocked)->code, ErrorCode::RoomLocked);
    QCOMPARE(errorSpecForClose(CloseCode::kRoomEnded)->code, ErrorCode::RoomEnded);
    QCOMPARE(errorSpecForClose(CloseCode::kReplaced)->code, ErrorCode::Replaced);
    QCOMPARE(errorSpecForClose(CloseCode::kRestarting)->action, ClientAction::Retry);
    QCOMPARE(errorSpecForClose(CloseCode::kPolicy)->action, ClientAction::Show); // comes back
    QCOMPARE(errorSpecForClose(1000), nullptr);
}

void tst_Protocol::everyCodeIsDocumented()
{
    QFile file(QStringLiteral(TERTULIA_PROTOCOL_DOC));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString doc = QString::fromUtf8(file.readAll());
    for (const ErrorSpec &spec : errorTable()) {
        // Its row in the table of codes: the name, its close code and what clients do.
        const QString row = u"\n| `%1` |"_s.arg(QLatin1StringView(spec.name));
        const qsizetype at = doc.indexOf(row);
        QVERIFY2(at >= 0, spec.name);
        const QString line = doc.mid(at + 1, doc.indexOf(u'\n', at + 1) - at - 1);
        QVERIFY2(line.contains(u"`%1`"_s.arg(clientActionName(spec.action))), qPrintable(line));
        if (spec.closeCode != 0)
            QVERIFY2(line.contains(QString::number(spec.closeCode)), qPrintable(line));
    }
}

void tst_Protocol::thePageGetsTheSameTable()
{
    const QByteArray module = ProtocolModule::javascript();
    const auto object = [&](const QByteArray &name) {
        const qsizetype start
                = module.indexOf(QByteArray("export const " + name + " = Object.freeze("));
        const qsizetype open = module.indexOf('(', start) + 1;
        const qsizetype close = module.indexOf(");", open);
        return QJsonDocument::fromJson(module.mid(open, close - open)).object();
    };
    const QJsonObject codes = object("CODES");
    const QJsonObject closes = object("CLOSES");
    QCOMPARE(codes.size(), qsizetype(errorTable().size()));
    for (const ErrorSpec &spec : errorTable()) {
        const QJsonObject entry = codes.value(QLatin1StringView(spec.name)).toObject();
        QCOMPARE(entry.value(u"action"_s).toString(), clientActionName(spec.action));
        QCOMPARE(entry.value(u"close"_s).toInt(), int(spec.closeCode));
    }
    QCOMPARE(closes.value(u"4006"_s).toString(), u"removed"_s);
    QCOMPARE(closes.value(u"1001"_s).toString(), u"room_ended"_s);
}

#include "tst_protocol.moc"
