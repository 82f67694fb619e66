#include "textchecks.h"

#include <QtCore/QList>

#include <unicode/uchar.h>

namespace Tertulia::TextChecks {

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool containsControlCharacter(const QString &text, Allow allowed)
{
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (allowed == Allow::TabAndNewline && (unit == u'\t' || unit == u'\n'))
            continue;
        // Unicode's control characters (Cc) are exactly C0, DEL and C1: no table to look up.
        const bool control = unit < 0x20 || (unit >= 0x7f && unit <= 0x9f);
        if (control || unit == 0x2028 || unit == 0x2029)
            return true;
    }
    return false;
}

bool containsFormatCharacter(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if (QChar::category(c) == QChar::Other_Format && c != U'\u200D')
            return true;
    }
    return false;
}

bool isDefaultIgnorable(char32_t c)
{
    return u_hasBinaryProperty(UChar32(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool hasVisibleCharacter(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        // Fillers and blanks that are letters or symbols by category but show nothing: the
        // Hangul fillers (U+3164, U+115F, U+1160, U+FFA0 — default ignorable) and the blank
        // Braille pattern.
        if (isDefaultIgnorable(c) || c == U'\u2800')
            continue;
        switch (QChar::category(c)) {
        case QChar::Letter_Uppercase:
        case QChar::Letter_Lowercase:
        case QChar::Letter_Titlecase:
        case QChar::Letter_Modifier:
        case QChar::Letter_Other:
        case QChar::Number_DecimalDigit:
        case QChar::Number_Letter:
        case QChar::Number_Other:
        case QChar::Punctuation_Connector:
        case QChar::Punctuation_Dash:
        case QChar::Punctuation_Open:
        case QChar::Punctuation_Close:
        case QChar::Punctuation_InitialQuote:
        case QChar::Punctuation_FinalQuote:
        case QChar::Punctuation_Other:
        case QChar::Symbol_Math:
        case QChar::Symbol_Currency:
        case QChar::Symbol_Modifier:
        case QChar::Symbol_Other:
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace Tertulia::TextChecks
