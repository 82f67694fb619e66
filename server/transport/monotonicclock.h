#pragma once

#include <QtCore/QtGlobal>

#include <chrono>

// Durations in the host (rates, idleness, waits, grace) on the monotonic clock: a host whose
// wall clock steps back would rate-limit everyone, and one that steps forward would drop
// everyone as idle. Classes that judge time take these milliseconds as arguments, so tests
// can give them any clock.
namespace MonotonicClock {

inline qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace MonotonicClock
