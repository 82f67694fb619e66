#include "hostlog.h"

Q_LOGGING_CATEGORY(lcHost, "tertulia.host", QtInfoMsg)
