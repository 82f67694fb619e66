#pragma once

#include <QtCore/QString>

// Character-level checks shared by names and chat messages.
namespace Tertulia::TextChecks {

enum class Allow { Nothing, TabAndNewline };

// Length as people count it: a character outside the BMP counts once, not as two UTF-16 units.
qsizetype codePointCount(const QString &text);

// C0/C1 controls, DEL, and the Unicode line and paragraph separators.
bool containsControlCharacter(const QString &text, Allow allowed);

} // namespace Tertulia::TextChecks
