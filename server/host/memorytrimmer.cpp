#include "memorytrimmer.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

MemoryTrimmer::MemoryTrimmer(QObject *parent) : QObject(parent)
{
#if defined(__GLIBC__)
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        emit aboutToTrim();
        // malloc_trim walks the whole heap: 2–13 ms with 10 000 members, every 3 s, even with
        // nothing to give back. It runs only when there is something worth giving back.
        if (mallinfo2().fordblks > kWorthTrimmingBytes)
            malloc_trim(0);
    });
    m_timer.start();
#endif
}
