#include "clusterlog.h"

Q_LOGGING_CATEGORY(lcCluster, "tertulia.cluster", QtInfoMsg)
