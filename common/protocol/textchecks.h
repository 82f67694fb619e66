#pragma once

#include <QtCore/QString>

// Character-level checks shared by names and chat messages.
namespace Tertulia::TextChecks {

enum class Allow { Nothing, TabAndNewline };

// Length as people count it: a character outside the BMP counts once, not as two UTF-16 units.
qsizetype codePointCount(const QString &text);

// C0/C1 controls, DEL, and the Unicode line and paragraph separators.
bool containsControlCharacter(const QString &text, Allow allowed);

// Invisible formatting (category Cf): zero-width spaces and joiners, word joiners, byte-order
// marks, soft hyphens, bidirectional controls that make "anA" show as "Ana". The zero-width
// joiner inside emoji sequences (👩‍💻) is allowed.
bool containsFormatCharacter(const QString &text);

// Unicode's Default_Ignorable_Code_Point: shown as nothing where not understood (joiners,
// variation selectors, the combining grapheme joiner, Hangul fillers, U+17B4...).
bool isDefaultIgnorable(char32_t c);

// Whether anything in the text can be seen: a letter, digit, punctuation mark or symbol that
// is not default ignorable nor a blank (U+2800, the Hangul fillers).
bool hasVisibleCharacter(const QString &text);

} // namespace Tertulia::TextChecks
