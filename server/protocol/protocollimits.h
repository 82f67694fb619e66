#pragma once

#include <QtCore/qglobal.h>

// Sizes the protocol allows; the host enforces them and both clients respect them.
namespace Tertulia::Limits {

constexpr int kMaxNameLength = 32; // characters (Unicode code points) after trimming
constexpr int kMaxMessageLength = 4000; // characters (Unicode code points)
constexpr qint64 kMaxFrameBytes = 64 * 1024; // one WebSocket text message, JSON included

} // namespace Tertulia::Limits
