#include "sendring.h"

#include <QtCore/QtGlobal>

#include <liburing.h>

#include <memory>

#include <sys/socket.h>

struct SendRing::Ring
{
    io_uring ring{};
    std::vector<msghdr> messages; // for sends of several pieces, alive until they complete
    std::vector<io_uring_sqe *> entries; // this round's, in the order they were queued
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
    // SUBMIT_ALL (Linux 5.18): a send refused at submission does not hold back the others.
    if (io_uring_queue_init(kSize, &ring->ring, IORING_SETUP_SUBMIT_ALL) < 0
        && io_uring_queue_init(kSize, &ring->ring, 0) < 0)
        return false;
    m_ring = std::move(ring);
    return true;
}

SendRing::~SendRing()
{
    if (m_ring)
        io_uring_queue_exit(&m_ring->ring);
}

void SendRing::sendAll(std::vector<Send> &sends)
{
    constexpr int kFlags = MSG_DONTWAIT | MSG_NOSIGNAL;
    constexpr __u64 kIgnored = ~__u64(0); // an entry the kernel did not take, made a no-op
    io_uring *ring = &m_ring->ring;
    io_uring_cq_advance(ring, io_uring_cq_ready(ring)); // nothing of an earlier round is read
    for (size_t start = 0; start < sends.size(); start += kSize) {
        const size_t end = std::min(sends.size(), start + kSize);
        m_ring->messages.assign(end - start, msghdr{});
        m_ring->entries.clear();
        const auto earlier = int(io_uring_sq_ready(ring)); // no-ops of a round that failed
        for (size_t i = start; i < end; ++i) {
            Send &send = sends[i];
            send.result = -EAGAIN; // until the kernel says otherwise: Qt sends it
            io_uring_sqe *entry = io_uring_get_sqe(ring);
            if (!entry)
                continue; // cannot happen with kSize entries a round
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
            m_ring->entries.push_back(entry);
        }
        // Non-blocking sends complete while they are submitted: their answers are there when
        // io_uring_enter returns, read without another system call.
        int taken;
        do {
            taken = io_uring_submit(ring);
        } while (taken == -EINTR);
        taken = std::max(taken - earlier, 0); // of this round's
        // Entries the kernel did not take stay queued and would go with the next round,
        // pointing at bytes that are gone by then: they go as no-ops instead.
        for (size_t k = size_t(taken); k < m_ring->entries.size(); ++k) {
            io_uring_prep_nop(m_ring->entries[k]);
            io_uring_sqe_set_data64(m_ring->entries[k], kIgnored);
        }
        for (int answered = 0; answered < taken;) {
            io_uring_cqe *completion = nullptr;
            const int waited = io_uring_wait_cqe(ring, &completion);
            if (waited == -EINTR)
                continue;
            if (waited < 0 || !completion)
                break;
            const __u64 index = io_uring_cqe_get_data64(completion);
            if (index >= start && index < end) {
                sends[size_t(index)].result = completion->res;
                ++answered;
            }
            io_uring_cqe_seen(ring, completion);
        }
    }
}
