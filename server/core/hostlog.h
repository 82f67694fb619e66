#pragma once

#include <QtCore/QLoggingCategory>

// tertulia.host: what the host decided and why, for whoever runs it (journald under systemd).
// Info by default; --verbose adds each connection. Never a password, a token or a message.
Q_DECLARE_LOGGING_CATEGORY(lcHost)
