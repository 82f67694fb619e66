#include "translations.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

void install(QCoreApplication &app)
{
    const QLocale locale;
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"tertulia"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
    // Qt's own strings: the command-line parser's "Displays help…", dialog buttons.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qt"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Translations
