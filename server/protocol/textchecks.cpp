#include "textchecks.h"

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
        if (c.category() == QChar::Other_Control || unit == 0x2028 || unit == 0x2029)
            return true;
    }
    return false;
}

} // namespace Tertulia::TextChecks
