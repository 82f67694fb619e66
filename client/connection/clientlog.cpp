#include "clientlog.h"

Q_LOGGING_CATEGORY(lcClient, "tertulia.client", QtInfoMsg)
