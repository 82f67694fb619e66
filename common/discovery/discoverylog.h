#pragma once

#include <QtCore/QLoggingCategory>

// tertulia.discovery: announcing the room on the LAN, and what was heard there.
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)
