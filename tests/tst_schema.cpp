// The protocol is declared once (common/protocol/schema.h): this holds the C++ encoders and
// decoders, the page's generated module (/protocol.js, run in Node), the page's own code and
// docs/PROTOCOL.md to that one declaration. Each disagreement is named.
#include "clientrequest.h"
#include "protocolmodule.h"
#include "schema.h"
#include "serverevent.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Tertulia;

class tst_Schema : public QObject
{
    Q_OBJECT

private slots:
    void everyVariantIsDeclared();
    void requestsMatchTheirDeclaration();
    void eventsMatchTheirDeclaration();
    void thePageModuleAgrees();
    void thePageTypesNoProtocolName();
    void theDocsAgree();
};

namespace {

QString kindOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Double:
        return value.toDouble() == qint64(value.toDouble()) ? u"integer"_s : u"number"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"null"_s;
    }
}

const Schema::MessageSpec *findSpec(const QList<Schema::MessageSpec> &specs, const QString &type)
{
    for (const Schema::MessageSpec &spec : specs) {
        if (spec.type == type)
            return &spec;
    }
    return nullptr;
}

// What is wrong with `object` as an instance of its declared message, or nothing. Adds the
// fields it carries to *seen.
QString problemsWith(const QJsonObject &object, const QList<Schema::MessageSpec> &specs,
                     QHash<QString, QSet<QString>> *seen)
{
    const QString type = object.value(u"type"_s).toString();
    const Schema::MessageSpec *spec = findSpec(specs, type);
    if (!spec)
        return u"\"%1\" is not declared"_s.arg(type);
    QStringList problems;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"type")
            continue;
        const auto field
                = std::find_if(spec->fields.begin(), spec->fields.end(),
                               [&](const Schema::FieldSpec &f) { return f.name == it.key(); });
        if (field == spec->fields.end()) {
            problems << u"%1 carries \"%2\", which is not declared"_s.arg(type, it.key());
            continue;
        }
        (*seen)[type].insert(it.key());
        if (kindOf(it.value()) != QString(Schema::kindName(field->kind)))
            problems << u"%1's \"%2\" is a %3, declared a %4"_s.arg(
                    type, it.key(), kindOf(it.value()), QString(Schema::kindName(field->kind)));
    }
    for (const Schema::FieldSpec &field : spec->fields) {
        if (field.use != Schema::Use::Optional && !object.contains(QString(field.name)))
            problems << u"%1 lacks \"%2\", declared %3"_s.arg(
                    type, QString(field.name), field.required() ? u"required"_s : u"always sent"_s);
    }
    return problems.join(u"; "_s);
}

// Every declared field of every message was seen in some sample.
QStringList unseen(const QList<Schema::MessageSpec> &specs,
                   const QHash<QString, QSet<QString>> &seen)
{
    QStringList missing;
    for (const Schema::MessageSpec &spec : specs) {
        for (const Schema::FieldSpec &field : spec.fields) {
            if (!seen.value(QString(spec.type)).contains(QString(field.name)))
                missing << QString(spec.type) + u"."_s + QString(field.name);
        }
    }
    return missing;
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

template<typename Variant, size_t... I>
QStringList typesOf(std::index_sequence<I...>)
{
    return {QString(std::variant_alternative_t<I, Variant>::kType)...};
}

template<typename Variant>
QStringList typesOf()
{
    return typesOf<Variant>(std::make_index_sequence<std::variant_size_v<Variant>>());
}

QStringList typesIn(const QList<Schema::MessageSpec> &specs)
{
    QStringList types;
    for (const Schema::MessageSpec &spec : specs)
        types << QString(spec.type);
    return types;
}

QString lowerFirst(QString name)
{
    name[0] = name[0].toLower();
    return name;
}

QByteArray readSource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void tst_Schema::everyVariantIsDeclared()
{
    QCOMPARE(typesIn(Schema::requests()), typesOf<ClientRequest>());
    QCOMPARE(typesIn(Schema::events()), typesOf<ServerEvent>());
    // One name per type, and no request shares a struct name with another.
    for (const auto &specs : {Schema::requests(), Schema::events()}) {
        QSet<QString> types, names;
        for (const Schema::MessageSpec &spec : specs) {
            QVERIFY2(!types.contains(QString(spec.type)), spec.type.data());
            QVERIFY2(!names.contains(QString(spec.name)), spec.name.data());
            types.insert(QString(spec.type));
            names.insert(QString(spec.name));
        }
    }
}

void tst_Schema::requestsMatchTheirDeclaration()
{
    // Samples as a client writes them, between them using every declared field; each decodes
    // to the request its type names, and encodes back to what its declaration allows.
    const QString upload = u"0123456789abcdef0123456789abcdef"_s;
    const QStringList samples{
            encodeJoinRequest(u"Ana"_s, 42, u"token"_s, u"secret"_s),
            encodeChatRequest(u"Ana"_s, u"hola"_s, u"c1"_s, u"Bea"_s),
            encodeHistoryRequest(10, -1, 50),
            encodeHistoryRequest(-1, 10, 500),
            encodeLeaveRequest(),
            encodeTypingNotice(),
            encodeFileOffer(u"a.png"_s, 5, u"c2"_s, u"Bea"_s, upload, QString(64, u'a')),
            encodeFileCancel(upload),
            encodeMembersWatch(0, 60),
            encodeMembersSearch(u"be"_s, 8),
    };
    QHash<QString, QSet<QString>> seen;
    QSet<QString> decodedTypes;
    for (const QString &sample : samples) {
        const QJsonObject object = parsed(sample.toUtf8());
        const QString problems = problemsWith(object, Schema::requests(), &seen);
        QVERIFY2(problems.isEmpty(), qPrintable(sample + u": "_s + problems));
        const DecodedClientRequest decoded = decodeClientRequest(sample);
        QVERIFY2(std::holds_alternative<ClientRequest>(decoded), qPrintable(sample));
        const ClientRequest &request = std::get<ClientRequest>(decoded);
        const QString type = std::visit(
                [](const auto &r) { return QString(std::decay_t<decltype(r)>::kType); }, request);
        QCOMPARE(type, object.value(u"type"_s).toString());
        decodedTypes.insert(type);
        // Written again by the one generic encoder: the same fields.
        const QString again = std::visit([](const auto &r) { return encodeRequest(r); }, request);
        QCOMPARE(parsed(again.toUtf8()).keys(), object.keys());
    }
    QCOMPARE(decodedTypes.size(), Schema::requests().size());
    QCOMPARE(unseen(Schema::requests(), seen), QStringList());

    // A field of the wrong kind is named; a request type nobody declared is unknown.
    for (const Schema::MessageSpec &spec : Schema::requests()) {
        for (const Schema::FieldSpec &field : spec.fields) {
            QJsonObject object{{u"type"_s, QString(spec.type)}};
            object.insert(QString(field.name), field.kind == Schema::Kind::String
                                                       ? QJsonValue(7)
                                                       : QJsonValue(u"seven"_s));
            const DecodedClientRequest decoded = decodeClientRequest(
                    QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
            const auto *error = std::get_if<ProtocolError>(&decoded);
            QVERIFY2(error, qPrintable(QString(spec.type) + u"."_s + QString(field.name)));
            QCOMPARE(error->code, ErrorCode::BadField);
            QVERIFY2(error->reason.contains(QString(field.name)), qPrintable(error->reason));
        }
    }
    const auto unknown = decodeClientRequest(u"{\"type\":\"future\"}"_s);
    QCOMPARE(std::get<ProtocolError>(unknown).code, ErrorCode::UnknownType);
}

void tst_Schema::eventsMatchTheirDeclaration()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const MemberInfo ana{u"Ana"_s, now, false, true};
    FileInfo file{u"9b2f6c1d0e8a4f7b3c5d6e7f8a9b0c1d"_s, u"a.png"_s, 10, u"image/png"_s, 4, 3};
    const ChatMessage message{7, u"Ana"_s, u"hola"_s, now, u"c1"_s, u"Bea"_s, file};
    Events::Presence presence;
    presence.joined = {u"Ana"_s};
    presence.others = 3;
    presence.count = 5;
    presence.members = QList<MemberInfo>{ana};
    presence.time = now;
    Events::FileProgress waiting{u"u1"_s, 4, Events::FileProgress::Stage::Waiting, 1};
    Events::Upload upload{u"u1"_s, u"Ana"_s, u"a.png"_s, 10, 4, u"Bea"_s, true};
    const QByteArray limits = ServerEvents::limitsJson(RoomLimits());
    const QList<QByteArray> samples{
            ServerEvents::welcome(u"Ana"_s, {ServerEvents::memberJson(ana), true, 1}, now, u"t"_s,
                                  limits, u"key"_s),
            ServerEvents::welcome(u"Ana"_s, {ServerEvents::memberJson(ana), false, 900}, now,
                                  u"t"_s, limits),
            ServerEvents::message(message),
            ServerEvents::ack(7, u"c1"_s, now, file),
            ServerEvents::presence(presence),
            ServerEvents::history({message}, true, 10, -1),
            ServerEvents::history({message}, false, -1, 3),
            ServerEvents::typing(u"Ana"_s),
            ServerEvents::error({ErrorCode::RateLimited, u"slow down"_s}, u"c1"_s),
            ServerEvents::roomEnded(u"bye"_s),
            ServerEvents::fileAccepted({u"c2"_s, u"u1"_s, 0, 262144, 4}),
            ServerEvents::fileProgress(waiting),
            ServerEvents::upload(upload),
            ServerEvents::memberPage(900, 20, {ana}),
            ServerEvents::memberSearch(900, u"an"_s, {ana}),
    };
    QHash<QString, QSet<QString>> seen;
    QSet<QString> decodedTypes;
    for (const QByteArray &sample : samples) {
        const QJsonObject object = parsed(sample);
        const QString problems = problemsWith(object, Schema::events(), &seen);
        QVERIFY2(problems.isEmpty(), qPrintable(QString::fromUtf8(sample) + u": "_s + problems));
        const std::optional<ServerEvent> decoded = decodeServerEvent(sample);
        QVERIFY2(decoded, sample.constData());
        const QString type = std::visit(
                [](const auto &e) { return QString(std::decay_t<decltype(e)>::kType); }, *decoded);
        QCOMPARE(type, object.value(u"type"_s).toString());
        decodedTypes.insert(type);
    }
    QCOMPARE(decodedTypes.size(), Schema::events().size());
    QCOMPARE(unseen(Schema::events(), seen), QStringList());
}

void tst_Schema::thePageModuleAgrees()
{
    // The module the host serves, run as the page runs it.
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!node.isEmpty(), "node is not installed: make test installs it");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile module(dir.filePath(u"protocol.mjs"_s));
    QVERIFY(module.open(QIODevice::WriteOnly));
    module.write(ProtocolModule::javascript());
    module.close();
    QFile script(dir.filePath(u"probe.mjs"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(R"JS(
import { SCHEMA, EVENT, REQUEST, CLIENT } from './protocol.mjs';
const built = {};
const refused = {};
for (const [name, spec] of Object.entries(SCHEMA.requests)) {
  const builder = name[0].toLowerCase() + name.slice(1);
  const fields = {};
  for (const [field, info] of Object.entries(spec.fields)) {
    if (info.use === 'required') fields[field] = info.kind === 'string' ? 'x' : 1;
  }
  built[builder] = REQUEST[builder](fields).type;
  try { REQUEST[builder]({ ...fields, notAField: 1 }); refused[builder] = false; }
  catch { refused[builder] = true; }
}
console.log(JSON.stringify({ built, refused, events: EVENT, client: Object.keys(CLIENT).sort() }));
)JS");
    script.close();
    QProcess run;
    run.setWorkingDirectory(dir.path());
    run.start(node, {u"probe.mjs"_s});
    QVERIFY(run.waitForFinished(30'000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const QJsonObject out = parsed(run.readAllStandardOutput());
    QJsonObject expectedBuilt, expectedRefused, expectedEvents;
    for (const Schema::MessageSpec &spec : Schema::requests()) {
        expectedBuilt.insert(lowerFirst(QString(spec.name)), QString(spec.type));
        expectedRefused.insert(lowerFirst(QString(spec.name)), true);
    }
    for (const Schema::MessageSpec &spec : Schema::events())
        expectedEvents.insert(QString(spec.name), QString(spec.type));
    QCOMPARE(out.value(u"built"_s).toObject(), expectedBuilt);
    QCOMPARE(out.value(u"refused"_s).toObject(), expectedRefused);
    QCOMPARE(out.value(u"events"_s).toObject(), expectedEvents);
    QVERIFY(!out.value(u"client"_s).toArray().isEmpty());
}

void tst_Schema::thePageTypesNoProtocolName()
{
    const QDir page(QStringLiteral(TERTULIA_PAGE_DIR));
    const QStringList sources = page.entryList({u"*.js"_s}, QDir::Files);
    QVERIFY(sources.contains(u"app.js"_s));
    const QJsonObject module = [] {
        const QByteArray js = ProtocolModule::javascript();
        const qsizetype start = js.indexOf("export const CLIENT = Object.freeze(") + 36;
        return parsed(js.mid(start, js.indexOf(");", start) - start));
    }();
    QSet<QString> builders, events;
    for (const Schema::MessageSpec &spec : Schema::requests())
        builders.insert(lowerFirst(QString(spec.name)));
    for (const Schema::MessageSpec &spec : Schema::events())
        events.insert(QString(spec.name));
    QStringList types = typesIn(Schema::requests()) + typesIn(Schema::events());
    types.removeDuplicates();
    int uses = 0;
    for (const QString &source : sources) {
        const QString text = QString::fromUtf8(readSource(page.filePath(source)));
        // No request or event type as a string: they come from REQUEST and EVENT.
        for (const QString &type : types) {
            // (An element's id, $('join'), is the page's own name.)
            const QRegularExpression quoted(u"(?<!\\$\\()['\"`]%1['\"`]"_s.arg(type));
            QVERIFY2(!quoted.match(text).hasMatch(),
                     qPrintable(u"%1 types \"%2\" itself"_s.arg(source, type)));
        }
        // What it takes from the module exists there.
        const auto check = [&](const QString &pattern, const auto &known, const char *what) {
            auto it = QRegularExpression(pattern).globalMatch(text);
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                ++uses;
                QVERIFY2(known(name), qPrintable(u"%1 uses %2.%3"_s.arg(source, what, name)));
            }
        };
        check(
                u"\\bREQUEST\\.(\\w+)"_s, [&](const QString &n) { return builders.contains(n); },
                "REQUEST");
        check(
                u"\\bEVENT\\.(\\w+)"_s, [&](const QString &n) { return events.contains(n); },
                "EVENT");
        check(
                u"\\bCLIENT\\.(\\w+)"_s, [&](const QString &n) { return module.contains(n); },
                "CLIENT");
    }
    QVERIFY(uses > Schema::events().size()); // the page does use them
}

void tst_Schema::theDocsAgree()
{
    const QString doc = QString::fromUtf8(readSource(QStringLiteral(TERTULIA_PROTOCOL_DOC)));
    QVERIFY(!doc.isEmpty());
    // Sections: the text between headings.
    const QStringList sections = doc.split(QRegularExpression(u"\\n(?=#{2,3} )"_s));
    QStringList problems;
    // Every JSON example's type is declared (a file's MIME type is not a message type).
    QSet<QString> declared;
    for (const QString &type : typesIn(Schema::requests()) + typesIn(Schema::events()))
        declared.insert(type);
    auto it = QRegularExpression(u"\"type\": \"([^\"/]+)\""_s).globalMatch(doc);
    while (it.hasNext()) {
        const QString type = it.next().captured(1);
        if (!declared.contains(type))
            problems << u"the docs show a \"%1\", which is not declared"_s.arg(type);
    }
    // Every declared message has an example, and each of its fields is named where it is shown.
    for (const auto &specs : {Schema::requests(), Schema::events()}) {
        for (const Schema::MessageSpec &spec : specs) {
            const QString example = u"\"type\": \"%1\""_s.arg(QString(spec.type));
            QString where;
            for (const QString &section : sections) {
                if (section.contains(example))
                    where += section;
            }
            if (where.isEmpty()) {
                problems << u"no example of \"%1\""_s.arg(QString(spec.type));
                continue;
            }
            for (const Schema::FieldSpec &field : spec.fields) {
                const QString name(field.name);
                if (!where.contains(u"\""_s + name + u"\""_s)
                    && !where.contains(u"`"_s + name + u"`"_s))
                    problems << u"\"%1\" of %2 is not described beside its example"_s.arg(
                            name, QString(spec.type));
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

QTEST_GUILESS_MAIN(tst_Schema)
#include "tst_schema.moc"
