#include "readbuffer.h"

#include <QtCore/QIODevice>

namespace ReadBuffer {

void releaseIfEmpty(QIODevice *device)
{
    if (!device->isOpen() || !device->isReadable() || device->isTransactionStarted())
        return;
    // Qt 6.4 has no public way to shrink the buffer, but QIODevice::read(n) hands the whole
    // chunk over (no copy) when n is exactly what the chunk holds. So: put one byte back into
    // the empty chunk and read it out again, and the chunk goes with it. Measured on 6.4.2; if
    // the buffer was not empty, the byte goes back and comes out again and nothing changes.
    if (device->bytesAvailable() != 0)
        return;
    device->ungetChar('\0');
    device->read(1);
}

} // namespace ReadBuffer
