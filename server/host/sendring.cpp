#include "sendring.h"

#include <QtCore/QtGlobal>

#include <liburing.h>

#include <memory>

#include <sys/socket.h>

struct SendRing::Ring
{
    io_uring ring{};
    std::vector<msghdr> messages; // for sends of several pieces, alive until they complete
};

SendRing *SendRing::forThisThread()
{
    thread_local const std::unique_ptr<SendRing> ring = [] {
        std::unique_ptr<SendRing> made(new SendRing);
        if (!made->open())
            made.reset();
        return made;
    }();
    return ring.get();
}

bool SendRing::open()
{
    bool set = false;
    if (qEnvironmentVariableIntValue("TERTULIA_IO_URING", &set) == 0 && set)
        return false;
    auto ring = std::make_unique<Ring>();
    if (io_uring_queue_init(kSize, &ring->ring, 0) < 0)
        return false;
    m_ring = ring.release();
    return true;
}

SendRing::~SendRing()
{
    if (m_ring) {
        io_uring_queue_exit(&m_ring->ring);
        delete m_ring;
    }
}

void SendRing::sendAll(std::vector<Send> &sends)
{
    constexpr int kFlags = MSG_DONTWAIT | MSG_NOSIGNAL;
    io_uring *ring = &m_ring->ring;
    for (size_t start = 0; start < sends.size(); start += kSize) {
        const size_t end = std::min(sends.size(), start + kSize);
        m_ring->messages.assign(end - start, msghdr{});
        unsigned queued = 0;
        for (size_t i = start; i < end; ++i) {
            Send &send = sends[i];
            io_uring_sqe *entry = io_uring_get_sqe(ring);
            if (!entry) { // cannot happen with kSize entries per round; send it the plain way
                send.result = -EBUSY;
                continue;
            }
            if (send.count == 1) {
                io_uring_prep_send(entry, send.descriptor, send.pieces[0].iov_base,
                                   send.pieces[0].iov_len, kFlags);
            } else {
                msghdr &message = m_ring->messages[i - start];
                message.msg_iov = const_cast<iovec *>(send.pieces);
                message.msg_iovlen = size_t(send.count);
                io_uring_prep_sendmsg(entry, send.descriptor, &message, kFlags);
            }
            io_uring_sqe_set_data64(entry, i);
            ++queued;
        }
        // Non-blocking sends complete while they are submitted: the wait returns at once.
        int submitted = io_uring_submit_and_wait(ring, queued);
        if (submitted < 0)
            submitted = 0;
        for (size_t i = start; i < end; ++i) // what was not submitted reports nothing taken
            if (sends[i].result == 0)
                sends[i].result = -EAGAIN;
        for (int reaped = 0; reaped < submitted; ++reaped) {
            io_uring_cqe *completion = nullptr;
            if (io_uring_wait_cqe(ring, &completion) < 0 || !completion)
                break;
            sends[size_t(io_uring_cqe_get_data64(completion))].result = completion->res;
            io_uring_cqe_seen(ring, completion);
        }
    }
}
