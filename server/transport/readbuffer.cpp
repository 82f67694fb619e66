#include "readbuffer.h"

#include <QtCore/QIODevice>

namespace ReadBuffer {

void releaseIfEmpty(QIODevice *device)
{
    // A closed device is not readable; unread data and open transactions are left alone.
    if (!device->isReadable() || device->isTransactionStarted() || device->bytesAvailable() != 0)
        return;
    // Qt 6.4 has no public way to shrink the buffer, but QIODevice::read(n) hands the whole
    // chunk over (no copy) when n is exactly what the chunk holds. So: put one byte back into
    // the empty chunk and read it out again, and the chunk goes with it (measured on 6.4.2).
    device->ungetChar('\0');
    device->read(1);
}

} // namespace ReadBuffer
