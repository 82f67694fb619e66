#pragma once

#include <QtCore/QLoggingCategory>

// tertulia.cluster: reaching Redis, losing it and coming back, other hosts going away.
Q_DECLARE_LOGGING_CATEGORY(lcCluster)
