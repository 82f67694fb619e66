#include "nameskeleton.h"

#include "textchecks.h"

#include <unicode/uspoof.h>

#include <QtCore/QList>

#include <memory>

namespace NameSkeleton {

namespace {

struct CheckerDeleter
{
    void operator()(USpoofChecker *checker) const { uspoof_close(checker); }
};

// Opened once; getting a skeleton does not change the checker, so it is shared.
const USpoofChecker *checker()
{
    static const std::unique_ptr<USpoofChecker, CheckerDeleter> opened([] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker *checker = uspoof_open(&status);
        return U_SUCCESS(status) ? checker : nullptr;
    }());
    return opened.get();
}

QString skeleton(const USpoofChecker *spoof, const QString &text)
{
    const auto *units = reinterpret_cast<const UChar *>(text.utf16());
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length
            = uspoof_getSkeleton(spoof, 0, units, int32_t(text.size()), nullptr, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
        return text;
    QString result(length, Qt::Uninitialized);
    status = U_ZERO_ERROR;
    uspoof_getSkeleton(spoof, 0, units, int32_t(text.size()),
                       reinterpret_cast<UChar *>(result.data()), length, &status);
    return U_SUCCESS(status) ? result : text;
}

// The generic combining diacritics (U+0300–036F and their supplements), which sit on any
// letter: "A\u0323na" is "Ana" with a dot hardly seen. Marks of scripts that need them
// (Devanagari's, Arabic's) are in their scripts' own blocks and stay.
bool isGenericDiacritic(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF)
           || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF)
           || (c >= 0xFE20 && c <= 0xFE2F);
}

} // namespace

QString of(const QString &name)
{
    // UTS #39: what shows nothing is dropped before comparing (joiners, variation selectors,
    // fillers), then the generic diacritics.
    QList<char32_t> kept;
    for (const char32_t c : name.normalized(QString::NormalizationForm_D).toUcs4()) {
        if (!Tertulia::TextChecks::isDefaultIgnorable(c) && !isGenericDiacritic(c))
            kept.append(c);
    }
    const QString visible = QString::fromUcs4(kept.constData(), kept.size());
    const USpoofChecker *spoof = checker();
    if (!spoof)
        return visible.toCaseFolded();
    // The skeleton before case folding, so that "Ivan" (capital I) meets "lvan"; again after
    // it, so that "RN" meets "m".
    return skeleton(spoof, skeleton(spoof, visible).toCaseFolded()).toCaseFolded();
}

} // namespace NameSkeleton
