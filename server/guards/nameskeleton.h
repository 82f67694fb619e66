#pragma once

#include <QtCore/QString>

// What a name looks like, for telling lookalikes apart: the Unicode TR39 confusable skeleton
// (ICU's uspoof) of the name without what shows nothing, taken before and after case folding,
// so "Ana", "ana", "Аna" (Cyrillic А) and "A\u200Dna" share one, and "Ivan" and "lvan" too.
// ICU, not a table of our own: Debian's libicu carries the whole confusables list.
namespace NameSkeleton {

QString of(const QString &name);

} // namespace NameSkeleton
