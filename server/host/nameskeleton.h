#pragma once

#include <QtCore/QString>

// What a name looks like, for telling lookalikes apart: the Unicode TR39 confusable skeleton
// (ICU's uspoof) of the case-folded name, so "Ana", "ana" and "Аna" (Cyrillic А) share one.
// ICU, not a table of our own: Debian's libicu carries the whole confusables list.
namespace NameSkeleton {

QString of(const QString &name);

} // namespace NameSkeleton
