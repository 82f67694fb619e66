#include "storagelog.h"

Q_LOGGING_CATEGORY(lcStorage, "tertulia.storage", QtInfoMsg)
