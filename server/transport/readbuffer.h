#pragma once

class QIODevice;

// Qt keeps a 16 KB read chunk inside every socket that has ever read anything, even once it is
// empty: with thousands of quiet members that is most of the host's memory (bench/: 27 KB of
// RSS per idle connection, 14 KB without it). This hands an empty chunk back.
namespace ReadBuffer {

// Frees the device's read chunk if nothing is waiting in it; a device with unread data or an
// open read transaction is left exactly as it was. Safe to call at any time.
void releaseIfEmpty(QIODevice *device);

} // namespace ReadBuffer
