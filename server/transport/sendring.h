#pragma once

#include <QtCore/QtGlobal>

#include <memory>
#include <vector>

#include <sys/uio.h>

// Sends to many connections with one system call: at the end of a pass the room writes the
// same frame to every member, one send() each, and where a system call costs more than the
// send itself (a virtual machine with page-table isolation; figures: docs/DESIGN.md), that is
// most of the host's work. io_uring (liburing) takes a send per connection in one submission and
// the kernel runs each at once, without waiting (MSG_DONTWAIT): what a socket cannot take
// now comes back as a short count, as from send().
class SendRing final
{
public:
    struct Send
    {
        int descriptor = -1;
        const iovec *pieces = nullptr;
        int count = 0;
        qint64 result = 0; // bytes the kernel took, or -errno
    };

    // This thread's ring; nullptr where io_uring cannot be used (an old kernel, a sandbox that
    // forbids it, TERTULIA_IO_URING=0): then each connection sends by itself.
    static SendRing *forThisThread();

    // Sends each, in one system call per kSize sends, and sets its result.
    void sendAll(std::vector<Send> &sends);

    SendRing(const SendRing &) = delete;
    SendRing &operator=(const SendRing &) = delete;
    ~SendRing();

private:
    SendRing() = default;
    bool open();

    static constexpr unsigned kSize = 256;
    struct Ring;
    std::unique_ptr<Ring> m_ring;
};
