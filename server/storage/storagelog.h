#pragma once

#include <QtCore/QLoggingCategory>

// tertulia.storage: the history database. Failures always (with the file and SQLite's
// reason), pruning at info, nothing a message says.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
