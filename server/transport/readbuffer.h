#pragma once

class QIODevice;

// Qt keeps a 16 KB read chunk inside every socket that has ever read anything, even once it is
// empty: with thousands of quiet members that is most of the host's memory (figures:
// docs/DESIGN.md). This hands an empty chunk back.
namespace ReadBuffer {

// Frees the device's read chunk if nothing is waiting in it; a device with unread data or an
// open read transaction is left exactly as it was. Safe to call at any time.
void releaseIfEmpty(QIODevice *device);

} // namespace ReadBuffer
