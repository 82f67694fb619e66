#pragma once

class QCoreApplication;

#include <QtCore/QString>

// Loads Tertulia's own and Qt's translations for the system language, or for the language the
// command line asks for with --lang (read before the parser exists: its help is translated too).
namespace Translations {

void install(QCoreApplication &app);
// The value of --lang LANG or --lang=LANG in the arguments; empty when absent.
QString requestedLanguage(const QStringList &arguments);
// The languages the interface is in: en, es, pt_BR.
QStringList available();
// `language` as available() spells it (pt-BR, pt_br → pt_BR), or empty if it is not one.
QString known(const QString &language);

} // namespace Translations
