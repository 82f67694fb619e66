#include "translations.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--lang="))
            return arguments.at(i).mid(7);
    }
    return {};
}

QStringList available()
{
    return {u"en"_s, u"es"_s, u"pt_BR"_s};
}

QString known(const QString &language)
{
    const QString wanted = QString(language).replace(u'-', u'_');
    for (const QString &candidate : available()) {
        if (candidate.compare(wanted, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return {};
}

void install(QCoreApplication &app)
{
    // An unknown --lang is refused by the options (HostOptions); until then, the system's.
    const QString requested = known(requestedLanguage(QCoreApplication::arguments()));
    const QLocale locale = requested.isEmpty() ? QLocale() : QLocale(requested);
    if (!requested.isEmpty())
        QLocale::setDefault(locale); // dates and numbers follow the chosen language too
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"tertulia"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
    // Qt's own strings: the command-line parser's "Displays help…", dialog buttons.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qt"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Translations
