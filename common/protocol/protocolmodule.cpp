#include "protocolmodule.h"

#include "clientrequest.h"
#include "errorcode.h"
#include "protocollimits.h"
#include "schema.h"
#include "serverevent.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace Tertulia::ProtocolModule {

namespace {

QLatin1StringView useName(Schema::Use use)
{
    switch (use) {
    case Schema::Use::Optional:
        return "optional"_L1;
    case Schema::Use::Required:
        return "required"_L1;
    case Schema::Use::AlwaysSent:
        return "always"_L1;
    }
    return "optional"_L1;
}

// struct name -> { type, fields: { name -> { kind, use, maxLength? } } }
QJsonObject messagesObject(const QList<Schema::MessageSpec> &messages)
{
    QJsonObject all;
    for (const Schema::MessageSpec &message : messages) {
        QJsonObject fields;
        for (const Schema::FieldSpec &field : message.fields) {
            QJsonObject entry{{u"kind"_s, QString(Schema::kindName(field.kind))},
                              {u"use"_s, QString(useName(field.use))}};
            if (field.maxLength > 0)
                entry.insert(u"maxLength"_s, field.maxLength);
            fields.insert(QString(field.name), entry);
        }
        all.insert(QString(message.name),
                   QJsonObject{{u"type"_s, QString(message.type)}, {u"fields"_s, fields}});
    }
    return all;
}

QJsonObject clientObject()
{
    using namespace ClientPolicy;
    return {{u"firstRetryMs"_s, kFirstRetryMs},     {u"maxRetryMs"_s, kMaxRetryMs},
            {u"retryDoublings"_s, kRetryDoublings}, {u"firstResendMs"_s, kFirstResendMs},
            {u"maxResendMs"_s, kMaxResendMs},       {u"olderPage"_s, kOlderPage},
            {u"catchUpPage"_s, kCatchUpPage},       {u"memberSearch"_s, kMemberSearch},
            {u"mentionChoices"_s, kMentionChoices}, {u"typingEveryMs"_s, kTypingEveryMs},
            {u"typingShownMs"_s, kTypingShownMs}};
}

} // namespace

QByteArray javascript()
{
    QJsonObject codes;
    QJsonObject closes;
    for (const ErrorSpec &spec : errorTable()) {
        const QString name = QString::fromLatin1(spec.name);
        QJsonObject entry{{u"action"_s, clientActionName(spec.action)},
                          {u"sentence"_s, QString::fromUtf8(spec.sentence)}};
        if (spec.closeCode != 0) {
            entry.insert(u"close"_s, spec.closeCode);
            if (errorSpecForClose(spec.closeCode) == &spec)
                closes.insert(QString::number(spec.closeCode), name);
        }
        codes.insert(name, entry);
    }
    const QJsonObject schema{{u"requests"_s, messagesObject(Schema::requests())},
                             {u"events"_s, messagesObject(Schema::events())}};
    const auto json = [](const QJsonObject &object) -> QByteArray {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    QByteArray module;
    module += "// The host's protocol (common/protocol/), served as it runs: the page types no\n"
              "// request or event name itself.\n"
              "// code -> { action, sentence, close? }\n"
              "export const CODES = Object.freeze(";
    module += json(codes);
    module += ");\n// close code -> the code it means when no event said more\n"
              "export const CLOSES = Object.freeze(";
    module += json(closes);
    module += ");\n// Every request and event: C++ struct name -> { type, fields: { name -> { "
              "kind, "
              "use } } }\nexport const SCHEMA = Object.freeze(";
    module += json(schema);
    module += ");\n// Page sizes and when to try again, as the window does too\n"
              "export const CLIENT = Object.freeze(";
    module += json(clientObject());
    module += ");\n";
    module += R"JS(// Event types by struct name: EVENT.FileAccepted is the type of a file_accepted event.
export const EVENT = Object.freeze(Object.fromEntries(
  Object.entries(SCHEMA.events).map(([name, event]) => [name, event.type])));

// A request from its fields, checked against the schema: an unknown field, a value of the
// wrong kind or a missing required field throws, so a page that drifts from the host fails
// loudly instead of being refused quietly. Absent (undefined or null) fields are left out.
function build(spec, fields = {}) {
  const request = { type: spec.type };
  for (const [name, value] of Object.entries(fields)) {
    const field = spec.fields[name];
    if (!field) throw new TypeError(`a ${spec.type} request has no field "${name}"`);
    if (value === undefined || value === null) continue;
    const fits = field.kind === 'string' ? typeof value === 'string'
      : field.kind === 'integer' ? Number.isInteger(value) && value >= 0
        : field.kind === 'boolean' ? typeof value === 'boolean' : true;
    if (!fits) throw new TypeError(`"${name}" of a ${spec.type} request must be a ${field.kind}`);
    request[name] = value;
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.use === 'required' && !(name in request)) {
      throw new TypeError(`a ${spec.type} request needs "${name}"`);
    }
  }
  return request;
}

// Request builders by struct name, first letter lowered: REQUEST.fileOffer({ file, size }).
export const REQUEST = Object.freeze(Object.fromEntries(
  Object.entries(SCHEMA.requests).map(([name, spec]) =>
    [name[0].toLowerCase() + name.slice(1), (fields) => build(spec, fields)])));
)JS";
    return module;
}

} // namespace Tertulia::ProtocolModule
