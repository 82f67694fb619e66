#include "clientpayload.h"

#include "names.h"
#include "protocollimits.h"
#include "textchecks.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Tertulia {

namespace {

constexpr qsizetype kMaxClientIdLength = 64;
constexpr qsizetype kMaxFileNameLength = 255;

ProtocolError badField(const QString &field, const QString &expected)
{
    return {ErrorCode::BadField, u"The field \"%1\" must be %2."_s.arg(field, expected)};
}

// Reads an optional string field; a present value of another JSON type is an error.
std::optional<ProtocolError> readString(const QJsonValue &json, const QString &field,
                                        QString *value)
{
    if (json.isUndefined() || json.isNull())
        return std::nullopt;
    if (!json.isString())
        return badField(field, u"a string"_s);
    *value = json.toString();
    return std::nullopt;
}

// Reads an optional non-negative integer field.
std::optional<ProtocolError> readId(const QJsonValue &json, const QString &field, qint64 *value)
{
    if (json.isUndefined() || json.isNull())
        return std::nullopt;
    const double number = json.toDouble(-1);
    if (!json.isDouble() || number < 0 || number > 9e15 || number != qint64(number))
        return badField(field, u"a whole number of at least 0"_s);
    *value = qint64(number);
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

DecodedClientPayload decodeFilePayload(const QString &type, const QJsonObject &object,
                                       ClientPayload payload)
{
    payload.upload = payload.upload.toLower();
    if (!payload.upload.isEmpty() && !isHex(payload.upload, 32))
        return badField(u"upload"_s, u"an upload id the host gave (32 hex digits)"_s);
    if (type == u"file_cancel") {
        if (payload.upload.isEmpty())
            return badField(u"upload"_s, u"the upload to give up"_s);
        payload.type = ClientPayload::Type::FileCancel;
        return payload;
    }
    payload.type = ClientPayload::Type::FileOffer;
    payload.fileName = plainFileName(payload.fileName);
    if (payload.fileName.isEmpty() || payload.fileName == u"." || payload.fileName == u"..")
        return badField(u"file"_s, u"the file's name"_s);
    if (payload.fileName.size() > kMaxFileNameLength)
        return badField(u"file"_s, u"at most %1 characters"_s.arg(kMaxFileNameLength));
    if (payload.size < 1)
        return badField(u"size"_s, u"the file's size in bytes, at least 1"_s);
    payload.sha256 = payload.sha256.toLower();
    if (!payload.sha256.isEmpty() && !isHex(payload.sha256, 64))
        return badField(u"sha256"_s, u"64 hex digits"_s);
    if (object.contains(u"to"_s) && !object.value(u"to"_s).isNull() && payload.to.isEmpty())
        return badField(u"to"_s, u"the name of a member"_s);
    if (payload.clientId.size() > kMaxClientIdLength)
        return badField(u"clientId"_s, u"at most %1 characters"_s.arg(kMaxClientIdLength));
    return payload;
}

} // namespace

DecodedClientPayload decodeClientPayload(const QString &frame, int maxMessageLength)
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

    QString type = u"message"_s;
    QString name;
    QString to;
    ClientPayload payload;
    qint64 limit = 0;
    qint64 count = -1;
    const std::pair<QString, QString *> strings[]{{u"type"_s, &type},
                                                  {u"name"_s, &name},
                                                  {u"message"_s, &payload.message},
                                                  {u"clientId"_s, &payload.clientId},
                                                  {u"resume"_s, &payload.resume},
                                                  {u"password"_s, &payload.password},
                                                  {u"to"_s, &to},
                                                  {u"file"_s, &payload.fileName},
                                                  {u"sha256"_s, &payload.sha256},
                                                  {u"upload"_s, &payload.upload},
                                                  {u"prefix"_s, &payload.prefix}};
    const std::pair<QString, qint64 *> numbers[]{
            {u"since"_s, &payload.since}, {u"before"_s, &payload.before},
            {u"after"_s, &payload.after}, {u"limit"_s, &limit},
            {u"count"_s, &count},         {u"from"_s, &payload.from},
            {u"size"_s, &payload.size}};
    // A payload has two or three of these fields: the object is read once, and the fields are
    // checked in the order above (the first bad one is the one reported).
    constexpr size_t kStrings = std::size(strings);
    QJsonValue values[kStrings + std::size(numbers)]; // undefined: absent
    for (auto field = object.constBegin(); field != object.constEnd(); ++field) {
        const QString key = field.key();
        for (size_t i = 0; i < std::size(values); ++i) {
            if (key == (i < kStrings ? strings[i].first : numbers[i - kStrings].first))
                values[i] = field.value();
        }
    }
    for (size_t i = 0; i < kStrings; ++i) {
        if (auto problem = readString(values[i], strings[i].first, strings[i].second))
            return *problem;
    }
    for (size_t i = 0; i < std::size(numbers); ++i) {
        if (auto problem = readId(values[kStrings + i], numbers[i].first, numbers[i].second))
            return *problem;
    }
    payload.limit = int(qMin<qint64>(limit, 1'000'000));
    payload.resumable = object.contains(u"resume"_s);
    payload.name = Names::normalized(name);
    payload.to = Names::normalized(to);

    if (type == u"join") {
        // The room judges the name: a refused name also closes the connection.
        payload.type = ClientPayload::Type::Join;
        return payload;
    }
    if (type == u"history" || type == u"leave" || type == u"typing") {
        payload.type = type == u"leave"    ? ClientPayload::Type::Leave
                       : type == u"typing" ? ClientPayload::Type::Typing
                                           : ClientPayload::Type::History;
        return payload;
    }
    if (type == u"members") {
        if ((payload.from < 0) == !object.contains(u"prefix"_s))
            return badField(u"from"_s, u"the first row to watch, unless \"prefix\" is given"_s);
        if (payload.prefix.size() > Limits::kMaxNameLength * 2)
            return badField(u"prefix"_s, u"the start of a name"_s);
        payload.type = ClientPayload::Type::Members;
        payload.limit
                = int(qMin<qint64>(count < 0 ? Limits::kMemberPage : count, Limits::kMemberPage));
        return payload;
    }
    if (type == u"file_offer" || type == u"file_cancel")
        return decodeFilePayload(type, object, std::move(payload));
    if (type != u"message") {
        return ProtocolError{ErrorCode::UnknownType,
                             u"Unknown message type \"%1\"."_s.arg(type.left(40))};
    }
    if (!object.value(u"message"_s).isString())
        return badField(u"message"_s, u"a string"_s);
    if (object.contains(u"to"_s) && !object.value(u"to"_s).isNull() && payload.to.isEmpty())
        return badField(u"to"_s, u"the name of a member"_s);
    if (payload.clientId.size() > kMaxClientIdLength)
        return badField(u"clientId"_s, u"at most %1 characters"_s.arg(kMaxClientIdLength));
    if (auto problem = problemWithMessageText(payload.message, maxMessageLength))
        return *problem;
    return payload;
}

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
    QJsonObject object{{u"type"_s, u"join"_s}, {u"name"_s, name}};
    if (!password.isEmpty())
        object.insert(u"password"_s, password);
    if (since >= 0)
        object.insert(u"since"_s, since);
    // Present even when empty: asks for a name that survives a dropped connection.
    object.insert(u"resume"_s, resume);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString encodeHistoryRequest(qint64 before, qint64 after, int limit)
{
    QJsonObject object{{u"type"_s, u"history"_s}, {u"limit"_s, limit}};
    if (before >= 0)
        object.insert(u"before"_s, before);
    if (after >= 0)
        object.insert(u"after"_s, after);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString encodeChatRequest(const QString &name, const QString &message, const QString &clientId,
                          const QString &to)
{
    QJsonObject object{{u"type"_s, u"message"_s}, {u"name"_s, name}, {u"message"_s, message}};
    if (!clientId.isEmpty())
        object.insert(u"clientId"_s, clientId);
    if (!to.isEmpty())
        object.insert(u"to"_s, to);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString encodeFileOffer(const QString &fileName, qint64 size, const QString &clientId,
                        const QString &to, const QString &upload, const QString &sha256)
{
    QJsonObject object{{u"type"_s, u"file_offer"_s}, {u"file"_s, fileName}, {u"size"_s, size}};
    for (auto [field, value] : {std::pair{u"clientId"_s, clientId},
                                {u"to"_s, to},
                                {u"upload"_s, upload},
                                {u"sha256"_s, sha256}}) {
        if (!value.isEmpty())
            object.insert(field, value);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString encodeFileCancel(const QString &upload)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"file_cancel"_s}, {u"upload"_s, upload}})
                    .toJson(QJsonDocument::Compact));
}

QString encodeLeaveRequest()
{
    return QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"leave"_s}}).toJson(QJsonDocument::Compact));
}

QString encodeTypingNotice()
{
    return QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"typing"_s}}).toJson(QJsonDocument::Compact));
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

QString encodeMembersWatch(int from, int count)
{
    return QString::fromUtf8(
            QJsonDocument(
                    QJsonObject{{u"type"_s, u"members"_s}, {u"from"_s, from}, {u"count"_s, count}})
                    .toJson(QJsonDocument::Compact));
}

QString encodeMembersSearch(const QString &prefix, int count)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"members"_s},
                                                       {u"prefix"_s, prefix},
                                                       {u"count"_s, count}})
                                     .toJson(QJsonDocument::Compact));
}

} // namespace Tertulia
