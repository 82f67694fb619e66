#pragma once

class QCoreApplication;

// Loads Tertulia's own and Qt's translations for the system language.
namespace Translations {

void install(QCoreApplication &app);

} // namespace Translations
