#include "errorcode.h"

#include <QtCore/QCoreApplication>

namespace Tertulia {

namespace {

using A = ClientAction;
using C = ErrorCode;
namespace Close = CloseCode;

constexpr std::array<ErrorSpec, kErrorCodeCount> kTable{{
        {C::BadJson, "bad_json", 0, A::Show,
         QT_TRANSLATE_NOOP("ErrorCode", "That was not valid JSON.")},
        {C::NotAnObject, "not_an_object", 0, A::Show,
         QT_TRANSLATE_NOOP("ErrorCode", "Send a JSON object.")},
        {C::BadField, "bad_field", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "A field has the wrong type.")},
        {C::UnknownType, "unknown_type", 0, A::Show,
         QT_TRANSLATE_NOOP("ErrorCode", "The host does not know that kind of message.")},
        {C::BinaryFrame, "binary_frame", 0, A::Show,
         QT_TRANSLATE_NOOP("ErrorCode", "Send JSON text frames, not binary ones.")},
        {C::NameInvalid, "name_invalid", Close::kNameInvalid, A::AskName,
         QT_TRANSLATE_NOOP("ErrorCode", "That name cannot be used: choose another.")},
        {C::NameTaken, "name_taken", Close::kNameTaken, A::AskName,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "Someone in the room already has that name: choose another.")},
        {C::NameMismatch, "name_mismatch", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "You cannot speak as someone else.")},
        {C::NotJoined, "not_joined", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "Say who you are first: send a name.")},
        {C::EmptyMessage, "empty_message", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "The message is empty.")},
        {C::MessageTooLong, "message_too_long", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "That message is too long.")},
        {C::MessageInvalid, "message_invalid", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "The message has characters that cannot be sent.")},
        {C::StorageFailed, "storage_failed", 0, A::Retry,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "The host could not store the message; it will be sent again.")},
        {C::RateLimited, "rate_limited", Close::kPolicy, A::Show,
         QT_TRANSLATE_NOOP("ErrorCode", "Slow down: your messages wait their turn.")},
        {C::PasswordRequired, "password_required", Close::kPolicy, A::AskPassword,
         QT_TRANSLATE_NOOP("ErrorCode", "This room has a password: type it to join.")},
        {C::PasswordWrong, "password_wrong", Close::kPolicy, A::AskPassword,
         QT_TRANSLATE_NOOP("ErrorCode", "That is not the room's password.")},
        {C::PasswordThrottled, "password_throttled", Close::kPolicy, A::AskPassword,
         QT_TRANSLATE_NOOP(
                 "ErrorCode",
                 "Too many wrong passwords from your address: wait before trying again.")},
        {C::JoinTimeout, "join_timeout", Close::kJoinTimeout, A::Retry,
         QT_TRANSLATE_NOOP("ErrorCode", "Nobody joined on this connection in time.")},
        {C::Removed, "removed", Close::kRemoved, A::Stop,
         QT_TRANSLATE_NOOP("ErrorCode", "The host removed you from the room.")},
        {C::RoomLocked, "room_locked", Close::kRoomLocked, A::Stop,
         QT_TRANSLATE_NOOP("ErrorCode", "The host has locked the room: nobody new can join now.")},
        {C::NoSuchMember, "no_such_member", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "That person is not in the room; the message was not sent.")},
        {C::QuotaExceeded, "quota_exceeded", 0, A::NotSent,
         QT_TRANSLATE_NOOP(
                 "ErrorCode",
                 "Your address stored too much lately: wait a little before sending more.")},
        {C::Replaced, "replaced", Close::kReplaced, A::Stop,
         QT_TRANSLATE_NOOP(
                 "ErrorCode",
                 "You opened the room again elsewhere; this one is no longer connected.")},
        {C::TooSlow, "too_slow", Close::kTooSlow, A::Retry,
         QT_TRANSLATE_NOOP("ErrorCode", "The connection fell too far behind; catching up.")},
        {C::RoomEnded, "room_ended", Close::kRoomEnded, A::Stop,
         QT_TRANSLATE_NOOP("ErrorCode", "The host ended the room.")},
        {C::Restarting, "restarting", Close::kRestarting, A::Retry,
         QT_TRANSLATE_NOOP("ErrorCode", "The host is restarting; back in a moment.")},
        {C::Blocked, "blocked", 0, A::Stop,
         QT_TRANSLATE_NOOP("ErrorCode", "The host has blocked this device from the room.")},
        {C::HistoryUnavailable, "history_unavailable", 0, A::Show,
         QT_TRANSLATE_NOOP(
                 "ErrorCode",
                 "The host could not read the history just now; scroll up to ask again.")},
        {C::FileTooBig, "file_too_big", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "That file is larger than the host takes; nothing was stored.")},
        {C::DiskFull, "disk_full", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "The host's disk has no room for that file; nothing was stored.")},
        {C::UploadUnknown, "upload_unknown", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "That upload is no longer on the host; send the file again.")},
        {C::FileDamaged, "file_damaged", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode",
                           "The file arrived damaged; nothing was stored. Send it again.")},
        {C::PictureUnreadable, "picture_unreadable", 0, A::NotSent,
         QT_TRANSLATE_NOOP(
                 "ErrorCode",
                 "That picture cannot be read, or is too large to show; nothing was stored.")},
        {C::TooManyUploads, "too_many_uploads", 0, A::NotSent,
         QT_TRANSLATE_NOOP("ErrorCode", "You are sending as many files at once as the host allows; "
                                        "wait for one to finish.")},
}};

constexpr bool inEnumOrder()
{
    for (size_t i = 0; i < kTable.size(); ++i) {
        if (size_t(kTable[i].code) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "errorTable() lists every ErrorCode once, in the enum's order");

} // namespace

const std::array<ErrorSpec, kErrorCodeCount> &errorTable()
{
    return kTable;
}

const ErrorSpec &errorSpec(ErrorCode code)
{
    return kTable[size_t(code)];
}

const ErrorSpec *errorSpecNamed(const QString &name)
{
    for (const ErrorSpec &spec : kTable) {
        if (name == QLatin1StringView(spec.name))
            return &spec;
    }
    return nullptr;
}

const ErrorSpec *errorSpecForClose(quint16 closeCode)
{
    // Several codes share 1008; each is said in an event before the close, so the close alone
    // means the first of them, rate_limited (kept up: disconnected; come back later).
    for (const ErrorSpec &spec : kTable) {
        if (closeCode != 0 && spec.closeCode == closeCode)
            return &spec;
    }
    return nullptr;
}

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(errorSpec(code).name);
}

QString clientActionName(ClientAction action)
{
    switch (action) {
    case ClientAction::Retry:
        return QStringLiteral("retry");
    case ClientAction::Stop:
        return QStringLiteral("stop");
    case ClientAction::AskName:
        return QStringLiteral("ask_name");
    case ClientAction::AskPassword:
        return QStringLiteral("ask_password");
    case ClientAction::NotSent:
        return QStringLiteral("not_sent");
    case ClientAction::Show:
        return QStringLiteral("show");
    }
    return {};
}

ProtocolError protocolError(ErrorCode code)
{
    return {code, QString::fromUtf8(errorSpec(code).sentence)};
}

QString translatedSentence(const ErrorSpec &spec)
{
    return QCoreApplication::translate("ErrorCode", spec.sentence);
}

} // namespace Tertulia
