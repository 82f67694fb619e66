#include "discoverylog.h"

Q_LOGGING_CATEGORY(lcDiscovery, "tertulia.discovery", QtInfoMsg)
