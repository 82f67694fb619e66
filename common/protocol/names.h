#pragma once

#include "errorcode.h"
#include "protocollimits.h"

#include <QtCore/QString>

#include <optional>

// Member names: how they are normalised, when they are acceptable, and when two are the same.
namespace Tertulia::Names {

// Leading and trailing white space is never part of a name.
QString normalized(const QString &name);

// Why a normalised name cannot be used, or nothing when it can.
std::optional<ProtocolError> problemWith(const QString &normalizedName,
                                         int maxLength = Limits::kMaxNameLength);

// Names are unique ignoring case: "Ana" and "ANA" share this key.
QString uniquenessKey(const QString &normalizedName);

} // namespace Tertulia::Names
