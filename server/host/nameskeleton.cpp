#include "nameskeleton.h"

#include <unicode/uspoof.h>

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

} // namespace

QString of(const QString &name)
{
    const QString folded = name.toCaseFolded();
    const USpoofChecker *spoof = checker();
    if (!spoof)
        return folded;
    const auto *text = reinterpret_cast<const UChar *>(folded.utf16());
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length
            = uspoof_getSkeleton(spoof, 0, text, int32_t(folded.size()), nullptr, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
        return folded;
    QString skeleton(length, Qt::Uninitialized);
    status = U_ZERO_ERROR;
    uspoof_getSkeleton(spoof, 0, text, int32_t(folded.size()),
                       reinterpret_cast<UChar *>(skeleton.data()), length, &status);
    return U_SUCCESS(status) ? skeleton.toCaseFolded() : folded;
}

} // namespace NameSkeleton
