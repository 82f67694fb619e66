#include "names.h"

#include "protocollimits.h"
#include "textchecks.h"

using namespace Qt::StringLiterals;

namespace Tertulia::Names {

QString normalized(const QString &name)
{
    // NFKC: "Ａｎａ" (full width) and "Ana" are one name, and so are composed and decomposed "é".
    return name.normalized(QString::NormalizationForm_KC).trimmed();
}

std::optional<ProtocolError> problemWith(const QString &normalizedName, int maxLength)
{
    if (normalizedName.isEmpty())
        return ProtocolError{ErrorCode::NameInvalid, u"Please choose a name."_s};
    if (TextChecks::codePointCount(normalizedName) > maxLength) {
        return ProtocolError{ErrorCode::NameInvalid,
                             u"Names can be at most %1 characters long."_s.arg(maxLength)};
    }
    if (TextChecks::containsControlCharacter(normalizedName, TextChecks::Allow::Nothing))
        return ProtocolError{ErrorCode::NameInvalid, u"Names cannot contain control characters."_s};
    if (TextChecks::containsFormatCharacter(normalizedName)) {
        return ProtocolError{ErrorCode::NameInvalid,
                             u"Names cannot contain invisible characters such as zero-width "
                             "spaces or direction marks."_s};
    }
    if (!TextChecks::hasVisibleCharacter(normalizedName))
        return ProtocolError{ErrorCode::NameInvalid, u"Names need at least one visible letter, "
                                                     "digit or symbol."_s};
    return std::nullopt;
}

QString uniquenessKey(const QString &normalizedName)
{
    return normalizedName.toCaseFolded();
}

} // namespace Tertulia::Names
