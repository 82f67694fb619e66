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
        malloc_trim(0);
    });
    m_timer.start();
#endif
}
