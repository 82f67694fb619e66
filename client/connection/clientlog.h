#pragma once

#include <QtCore/QLoggingCategory>

// tertulia.client: the native client's connection (states at debug, what the host said to
// stop at info). Never a password or a message.
Q_DECLARE_LOGGING_CATEGORY(lcClient)
