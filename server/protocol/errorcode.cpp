#include "errorcode.h"

using namespace Qt::StringLiterals;

namespace Tertulia {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
        return u"bad_json"_s;
    case ErrorCode::NotAnObject:
        return u"not_an_object"_s;
    case ErrorCode::BadField:
        return u"bad_field"_s;
    case ErrorCode::UnknownType:
        return u"unknown_type"_s;
    case ErrorCode::BinaryFrame:
        return u"binary_frame"_s;
    case ErrorCode::NameInvalid:
        return u"name_invalid"_s;
    case ErrorCode::NameTaken:
        return u"name_taken"_s;
    case ErrorCode::NameMismatch:
        return u"name_mismatch"_s;
    case ErrorCode::NotJoined:
        return u"not_joined"_s;
    case ErrorCode::EmptyMessage:
        return u"empty_message"_s;
    case ErrorCode::MessageTooLong:
        return u"message_too_long"_s;
    case ErrorCode::MessageInvalid:
        return u"message_invalid"_s;
    case ErrorCode::StorageFailed:
        return u"storage_failed"_s;
    case ErrorCode::RateLimited:
        return u"rate_limited"_s;
    case ErrorCode::PasswordRequired:
        return u"password_required"_s;
    case ErrorCode::PasswordWrong:
        return u"password_wrong"_s;
    case ErrorCode::PasswordThrottled:
        return u"password_throttled"_s;
    case ErrorCode::JoinTimeout:
        return u"join_timeout"_s;
    case ErrorCode::Removed:
        return u"removed"_s;
    case ErrorCode::RoomLocked:
        return u"room_locked"_s;
    case ErrorCode::NoSuchMember:
        return u"no_such_member"_s;
    case ErrorCode::QuotaExceeded:
        return u"quota_exceeded"_s;
    }
    return {};
}

} // namespace Tertulia
