#include "clientrequest.h"

#include "names.h"
#include "textchecks.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Tertulia {

namespace {

ProtocolError badField(const QString &field, const QString &expected)
{
    return {ErrorCode::BadField, u"The field \"%1\" must be %2."_s.arg(field, expected)};
}

// Reads one declared field of `request` from `json` (undefined when absent).
template<typename R>
std::optional<ProtocolError> readField(const Field<R> &field, const QJsonValue &json, R *request)
{
    if (json.isUndefined() || json.isNull())
        return std::nullopt; // required ones are checked once every present one was read
    if (auto member = std::get_if<QString R::*>(&field.member)) {
        if (!json.isString())
            return badField(QString(field.name), u"a string"_s);
        QString value = json.toString();
        if (field.maxLength > 0 && value.size() > field.maxLength)
            return badField(QString(field.name), u"at most %1 characters"_s.arg(field.maxLength));
        request->**member = std::move(value);
        return std::nullopt;
    }
    const double number = json.toDouble(-1);
    if (!json.isDouble() || number < 0 || number > 9e15 || number != qint64(number))
        return badField(QString(field.name), u"a whole number of at least 0"_s);
    request->*std::get<qint64 R::*>(field.member) = qint64(number);
    return std::nullopt;
}

bool isHex(const QString &text, qsizetype length)
{
    return text.size() == length && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

// The last part of a path a sender may have given, without control, format or bidi characters
// (U+202E would show "invoice\u202Egpj.exe" as "invoiceexe.jpg"): what the room shows and the
// download is named.
QString plainFileName(const QString &given)
{
    QString name = given.section(u'/', -1).section(u'\\', -1);
    name.removeIf([](QChar c) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return true;
        default:
            return false;
        }
    });
    return name.trimmed();
}

// A "to" that was given but names nobody once normalised.
bool namesNobody(const QJsonObject &object, const QString &to)
{
    return object.contains(u"to"_s) && !object.value(u"to"_s).isNull() && to.isEmpty();
}

// What the declarations cannot say, per request.
std::optional<ProtocolError> settle(Requests::Join &join, const QJsonObject &object, int)
{
    // The room judges the name: a refused name also closes the connection.
    join.name = Names::normalized(join.name);
    join.resumable = object.contains(u"resume"_s);
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::Message &message, const QJsonObject &object,
                                    int maxMessageLength)
{
    message.name = Names::normalized(message.name);
    message.to = Names::normalized(message.to);
    if (namesNobody(object, message.to))
        return badField(u"to"_s, u"the name of a member"_s);
    return problemWithMessageText(message.message, maxMessageLength);
}

std::optional<ProtocolError> settle(Requests::History &history, const QJsonObject &, int)
{
    history.limit = std::min<qint64>(history.limit, 1'000'000);
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::Leave &, const QJsonObject &, int)
{
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::Typing &, const QJsonObject &, int)
{
    return std::nullopt;
}

std::optional<ProtocolError> checkUploadId(QString *upload)
{
    *upload = upload->toLower();
    if (!upload->isEmpty() && !isHex(*upload, 32))
        return badField(u"upload"_s, u"an upload id the host gave (32 hex digits)"_s);
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::FileOffer &offer, const QJsonObject &object, int)
{
    if (auto problem = checkUploadId(&offer.upload))
        return problem;
    offer.fileName = plainFileName(offer.fileName);
    if (offer.fileName.isEmpty() || offer.fileName == u"." || offer.fileName == u"..")
        return badField(u"file"_s, u"the file's name"_s);
    if (offer.fileName.size() > Requests::kMaxFileNameLength)
        return badField(u"file"_s, u"at most %1 characters"_s.arg(Requests::kMaxFileNameLength));
    if (offer.size < 1)
        return badField(u"size"_s, u"the file's size in bytes, at least 1"_s);
    offer.sha256 = offer.sha256.toLower();
    if (!offer.sha256.isEmpty() && !isHex(offer.sha256, 64))
        return badField(u"sha256"_s, u"64 hex digits"_s);
    offer.to = Names::normalized(offer.to);
    if (namesNobody(object, offer.to))
        return badField(u"to"_s, u"the name of a member"_s);
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::FileCancel &cancel, const QJsonObject &, int)
{
    if (auto problem = checkUploadId(&cancel.upload))
        return problem;
    if (cancel.upload.isEmpty())
        return badField(u"upload"_s, u"the upload to give up"_s);
    return std::nullopt;
}

std::optional<ProtocolError> settle(Requests::Members &members, const QJsonObject &object, int)
{
    if ((members.from < 0) == !object.contains(u"prefix"_s))
        return badField(u"from"_s, u"the first row to watch, unless \"prefix\" is given"_s);
    members.limit = int(std::min<qint64>(members.count < 0 ? Limits::kMemberPage : members.count,
                                         Limits::kMemberPage));
    return std::nullopt;
}

// Reads request R from `object` by its declared fields, then settles it.
template<typename R>
DecodedClientRequest decodeAs(const QJsonObject &object, int maxMessageLength)
{
    constexpr auto fields = R::fields();
    std::array<QJsonValue, fields.size()> values; // each looked up once, by its Latin-1 name
    for (size_t i = 0; i < fields.size(); ++i)
        values[i] = object.value(fields[i].name);
    R request;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (auto problem = readField(fields[i], values[i], &request))
            return *problem;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].use == Schema::Use::Required
            && (values[i].isUndefined() || values[i].isNull()))
            return badField(QString(fields[i].name), u"present"_s);
    }
    if (auto problem = settle(request, object, maxMessageLength))
        return *problem;
    return ClientRequest(std::move(request));
}

// The request whose kType is `type`, tried in ClientRequest's order.
template<size_t I = 0>
std::optional<DecodedClientRequest> decodeByType(const QString &type, const QJsonObject &object,
                                                 int maxMessageLength)
{
    if constexpr (I == std::variant_size_v<ClientRequest>) {
        return std::nullopt;
    } else {
        using R = std::variant_alternative_t<I, ClientRequest>;
        if (type == R::kType)
            return decodeAs<R>(object, maxMessageLength);
        return decodeByType<I + 1>(type, object, maxMessageLength);
    }
}

// What a request's declarations cannot say about writing it: by default, nothing.
template<typename R>
void completeEncoding(const R &, QJsonObject *)
{ }

// A search sends its prefix even when empty (the first members of all); a watch never does.
void completeEncoding(const Requests::Members &members, QJsonObject *object)
{
    if (members.from < 0)
        object->insert(u"prefix"_s, members.prefix);
}

template<typename R>
Schema::MessageSpec specOf(QLatin1StringView name)
{
    Schema::MessageSpec spec{R::kType, name, {}};
    for (const Field<R> &field : R::fields())
        spec.fields.append({field.name, field.kind(), field.use, field.maxLength});
    return spec;
}

} // namespace

DecodedClientRequest decodeClientRequest(const QString &frame, int maxMessageLength)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument refuses top-level scalars, which are valid JSON but still not objects.
        const bool scalar = !frame.trimmed().isEmpty()
                            && !QJsonDocument::fromJson('[' + frame.toUtf8() + ']').isNull();
        if (scalar)
            return ProtocolError{ErrorCode::NotAnObject, u"The message must be a JSON object."_s};
        return ProtocolError{ErrorCode::BadJson, u"The message is not valid JSON."_s};
    }
    if (!document.isObject())
        return ProtocolError{ErrorCode::NotAnObject, u"The message must be a JSON object."_s};
    const QJsonObject object = document.object();

    // The seeds' payload has no type: it is a message.
    const QJsonValue typeValue = object.value(u"type"_s);
    if (!typeValue.isUndefined() && !typeValue.isNull() && !typeValue.isString())
        return badField(u"type"_s, u"a string"_s);
    const QString type
            = typeValue.isString() ? typeValue.toString() : QString(Requests::Message::kType);
    if (auto decoded = decodeByType(type, object, maxMessageLength))
        return *decoded;
    return ProtocolError{ErrorCode::UnknownType,
                         u"Unknown message type \"%1\"."_s.arg(type.left(40))};
}

template<typename R>
QString encodeRequest(const R &request)
{
    QJsonObject object{{u"type"_s, QString(R::kType)}};
    for (const Field<R> &field : R::fields()) {
        const bool always = field.use != Schema::Use::Optional;
        if (auto member = std::get_if<QString R::*>(&field.member)) {
            if (always || !(request.**member).isEmpty())
                object.insert(QString(field.name), request.**member);
        } else {
            const qint64 value = request.*std::get<qint64 R::*>(field.member);
            if (always || value >= 0)
                object.insert(QString(field.name), value);
        }
    }
    completeEncoding(request, &object);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

template QString encodeRequest(const Requests::Join &);
template QString encodeRequest(const Requests::Message &);
template QString encodeRequest(const Requests::History &);
template QString encodeRequest(const Requests::Leave &);
template QString encodeRequest(const Requests::Typing &);
template QString encodeRequest(const Requests::FileOffer &);
template QString encodeRequest(const Requests::FileCancel &);
template QString encodeRequest(const Requests::Members &);

std::optional<ProtocolError> problemWithMessageText(const QString &text, int maxLength)
{
    if (text.trimmed().isEmpty())
        return ProtocolError{ErrorCode::EmptyMessage, u"The message is empty."_s};
    if (TextChecks::codePointCount(text) > maxLength) {
        return ProtocolError{ErrorCode::MessageTooLong,
                             u"Messages can be at most %1 characters long."_s.arg(maxLength)};
    }
    if (TextChecks::containsControlCharacter(text, TextChecks::Allow::TabAndNewline)) {
        return ProtocolError{ErrorCode::MessageInvalid,
                             u"Messages cannot contain control characters."_s};
    }
    return std::nullopt;
}

QString encodeJoinRequest(const QString &name, qint64 since, const QString &resume,
                          const QString &password)
{
    return encodeRequest(Requests::Join{name, resume, password, since});
}

QString encodeHistoryRequest(qint64 before, qint64 after, int limit)
{
    return encodeRequest(Requests::History{before, after, limit});
}

QString encodeChatRequest(const QString &name, const QString &message, const QString &clientId,
                          const QString &to)
{
    return encodeRequest(Requests::Message{name, message, clientId, to});
}

QString encodeFileOffer(const QString &fileName, qint64 size, const QString &clientId,
                        const QString &to, const QString &upload, const QString &sha256)
{
    return encodeRequest(Requests::FileOffer{fileName, size, clientId, to, upload, sha256});
}

QString encodeFileCancel(const QString &upload)
{
    return encodeRequest(Requests::FileCancel{upload});
}

QString encodeLeaveRequest()
{
    return encodeRequest(Requests::Leave{});
}

QString encodeTypingNotice()
{
    return encodeRequest(Requests::Typing{});
}

QString encodeMembersWatch(int from, int count)
{
    return encodeRequest(Requests::Members{from, {}, count});
}

QString encodeMembersSearch(const QString &prefix, int count)
{
    return encodeRequest(Requests::Members{-1, prefix, count});
}

namespace FileChunk {

QByteArray encode(const QString &upload, qint64 offset, QByteArrayView bytes)
{
    QByteArray frame = QByteArray::fromHex(upload.toLatin1());
    frame.reserve(kHeaderBytes + bytes.size());
    for (int shift = 56; shift >= 0; shift -= 8)
        frame.append(char((quint64(offset) >> shift) & 0xff));
    frame.append(bytes);
    return frame;
}

std::optional<Decoded> decode(const QByteArray &frame)
{
    if (frame.size() < kHeaderBytes)
        return std::nullopt;
    Decoded chunk;
    chunk.upload = QString::fromLatin1(frame.first(16).toHex());
    quint64 offset = 0;
    for (int i = 16; i < kHeaderBytes; ++i)
        offset = (offset << 8) | quint8(frame[i]);
    if (offset > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    chunk.offset = qint64(offset);
    chunk.bytes = QByteArrayView(frame).sliced(kHeaderBytes);
    return chunk;
}

} // namespace FileChunk

namespace Schema {

QList<MessageSpec> requests()
{
#define TERTULIA_REQUEST_SPEC(name) specOf<Requests::name>(QLatin1StringView(#name)),
    return {TERTULIA_REQUESTS(TERTULIA_REQUEST_SPEC)};
#undef TERTULIA_REQUEST_SPEC
}

QLatin1StringView kindName(Kind kind)
{
    switch (kind) {
    case Kind::String:
        return "string"_L1;
    case Kind::Integer:
        return "integer"_L1;
    case Kind::Boolean:
        return "boolean"_L1;
    case Kind::Array:
        return "array"_L1;
    case Kind::Object:
        return "object"_L1;
    }
    return "string"_L1;
}

} // namespace Schema

} // namespace Tertulia
