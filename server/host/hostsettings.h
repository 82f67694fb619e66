#pragma once

#include "retentionpolicy.h"

#include <QtNetwork/QHostAddress>

// Everything a host is started with; the executables fill it from their command lines.
struct HostSettings
{
    QHostAddress address{QHostAddress::Any};
    quint16 port = 0; // 0 picks a free port
    QString dataDirectory; // where the history database lives; required
    int backlog = 100; // messages a newcomer receives on joining
    RetentionPolicy retention; // how much history is kept
    int retentionIntervalMs = 60'000; // how often the policy is applied
    int resumeGraceMs = 60'000; // how long a dropped member's name waits for its owner
};
