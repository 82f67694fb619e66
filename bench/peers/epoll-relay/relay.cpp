// The benchmark's floor: a bare WebSocket relay on epoll, one thread. It does the least a
// fan-out server can — the handshake, unmasking, framing each message once and one send per
// recipient per pass of the event loop, all of a pass's sends handed to the kernel in one
// io_uring submission as the host does (one send() each where io_uring is refused) — and
// nothing else: no JSON, no names, no storage, no limits. Whatever Tertulia spends above it is
// Tertulia's own. Qt Core only for the handshake's SHA-1. Says on stderr which way it sends.
// Usage: tertulia-floor-relay PORT [--plain-sends]; tertulia-floor-relay --check-ring exits 0
// if io_uring can be used here, 1 if not (bench/run.py names the floor by it).

#include <QtCore/QByteArray>
#include <QtCore/QCryptographicHash>

#include <liburing.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

struct Connection
{
    int fd = -1;
    bool open = false; // handshake done
    std::string in;
    std::string out;
    bool dirty = false; // has output queued in this pass
    bool watchingOut = false;
};

std::unordered_map<int, Connection> connections;
std::vector<int> dirty;
int epollFd = -1;
io_uring ring;
bool useRing = false;
constexpr unsigned kRingEntries = 4096;

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

void queue(Connection &connection, const std::string &bytes)
{
    connection.out += bytes;
    if (!connection.dirty) {
        connection.dirty = true;
        dirty.push_back(connection.fd);
    }
}

void closeConnection(int fd)
{
    epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    connections.erase(fd);
}

std::string frame(unsigned char opcode, const char *payload, size_t length)
{
    std::string out(1, char(0x80 | opcode));
    if (length < 126) {
        out += char(length);
    } else if (length <= 0xffff) {
        out += char(126);
        out += char(length >> 8);
        out += char(length & 0xff);
    } else {
        out += char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((uint64_t(length) >> shift) & 0xff);
    }
    out.append(payload, length);
    return out;
}

bool handshake(Connection &connection)
{
    const size_t end = connection.in.find("\r\n\r\n");
    if (end == std::string::npos)
        return connection.in.size() < 16384;
    std::string head = connection.in.substr(0, end);
    connection.in.erase(0, end + 4);
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    const size_t at = lower.find("sec-websocket-key:");
    if (at == std::string::npos)
        return false;
    size_t start = at + 18;
    while (start < head.size() && head[start] == ' ')
        ++start;
    const size_t stop = head.find("\r\n", start);
    const std::string key = head.substr(start, stop == std::string::npos ? std::string::npos
                                                                         : stop - start);
    const QByteArray accept = QCryptographicHash::hash(
                                      QByteArray::fromStdString(
                                              key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                      QCryptographicHash::Sha1)
                                      .toBase64();
    queue(connection, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                              + accept.toStdString() + "\r\n\r\n");
    connection.open = true;
    return true;
}

// Reads every complete frame; a text or binary message goes, framed once, to everyone else.
bool readFrames(Connection &connection)
{
    std::string &in = connection.in;
    size_t at = 0;
    while (in.size() - at >= 2) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(in.data() + at);
        const unsigned char opcode = bytes[0] & 0x0f;
        const bool masked = bytes[1] & 0x80;
        uint64_t length = bytes[1] & 0x7f;
        size_t header = 2;
        if (length == 126) {
            if (in.size() - at < 4)
                break;
            length = (uint64_t(bytes[2]) << 8) | bytes[3];
            header = 4;
        } else if (length == 127) {
            if (in.size() - at < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | bytes[2 + i];
            header = 10;
        }
        const size_t maskAt = header;
        if (masked)
            header += 4;
        if (in.size() - at < header + length)
            break;
        char *payload = in.data() + at + header;
        if (masked) {
            const char *mask = in.data() + at + maskAt;
            for (uint64_t i = 0; i < length; ++i)
                payload[i] ^= mask[i & 3];
        }
        if (opcode == 0x1 || opcode == 0x2) {
            const std::string out = frame(opcode, payload, length);
            for (auto &[fd, other] : connections) {
                if (fd != connection.fd && other.open)
                    queue(other, out);
            }
        } else if (opcode == 0x9) {
            queue(connection, frame(0xA, payload, length));
        } else if (opcode == 0x8) {
            queue(connection, frame(0x8, payload, std::min<uint64_t>(length, 2)));
            return false;
        }
        at += header + length;
    }
    in.erase(0, at);
    return true;
}

void watchOutput(Connection &connection)
{
    const bool wantOut = !connection.out.empty();
    if (wantOut != connection.watchingOut) {
        epoll_event event{};
        event.events = EPOLLIN | (wantOut ? EPOLLOUT : 0);
        event.data.fd = connection.fd;
        epoll_ctl(epollFd, EPOLL_CTL_MOD, connection.fd, &event);
        connection.watchingOut = wantOut;
    }
}

void flush(Connection &connection)
{
    while (!connection.out.empty()) {
        const ssize_t written = send(connection.fd, connection.out.data(), connection.out.size(),
                                     MSG_NOSIGNAL);
        if (written <= 0)
            break;
        connection.out.erase(0, size_t(written));
    }
    watchOutput(connection);
}

// A pass's sends in one submission per kRingEntries: each runs at once without waiting
// (MSG_DONTWAIT); what a socket cannot take now stays queued for EPOLLOUT, as with send().
void flushThroughRing(const std::vector<Connection *> &pending)
{
    for (size_t start = 0; start < pending.size(); start += kRingEntries) {
        const size_t end = std::min(pending.size(), start + kRingEntries);
        for (size_t i = start; i < end; ++i) {
            io_uring_sqe *sqe = io_uring_get_sqe(&ring);
            io_uring_prep_send(sqe, pending[i]->fd, pending[i]->out.data(), pending[i]->out.size(),
                               MSG_DONTWAIT | MSG_NOSIGNAL);
            io_uring_sqe_set_data64(sqe, i);
        }
        io_uring_submit_and_wait(&ring, unsigned(end - start));
        io_uring_cqe *cqe = nullptr;
        unsigned head = 0;
        unsigned seen = 0;
        io_uring_for_each_cqe(&ring, head, cqe)
        {
            Connection &connection = *pending[io_uring_cqe_get_data64(cqe)];
            if (cqe->res > 0)
                connection.out.erase(0, size_t(cqe->res));
            ++seen;
        }
        io_uring_cq_advance(&ring, seen);
        for (size_t i = start; i < end; ++i)
            watchOutput(*pending[i]);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--check-ring") == 0)
        return io_uring_queue_init(8, &ring, 0) == 0 ? 0 : 1;
    const int port = argc > 1 ? std::atoi(argv[1]) : 8000;
    const bool plainSends = argc > 2 && std::strcmp(argv[2], "--plain-sends") == 0;
    useRing = !plainSends && io_uring_queue_init(kRingEntries, &ring, 0) == 0;
    std::fprintf(stderr, "floor relay: %s\n",
                 useRing ? "a pass's sends in one io_uring submission" : "one send() per recipient");
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || listen(listener, 4096) != 0) {
        std::perror("listen");
        return 1;
    }
    setNonBlocking(listener);
    epollFd = epoll_create1(0);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = listener;
    epoll_ctl(epollFd, EPOLL_CTL_ADD, listener, &event);
    std::vector<epoll_event> events(1024);
    char buffer[65536];
    for (;;) {
        const int ready = epoll_wait(epollFd, events.data(), int(events.size()), -1);
        for (int i = 0; i < ready; ++i) {
            const int fd = events[i].data.fd;
            if (fd == listener) {
                for (int client; (client = accept(listener, nullptr, nullptr)) >= 0;) {
                    setNonBlocking(client);
                    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
                    epoll_event added{};
                    added.events = EPOLLIN;
                    added.data.fd = client;
                    epoll_ctl(epollFd, EPOLL_CTL_ADD, client, &added);
                    connections[client].fd = client;
                }
                continue;
            }
            auto found = connections.find(fd);
            if (found == connections.end())
                continue;
            Connection &connection = found->second;
            if (events[i].events & EPOLLOUT)
                flush(connection);
            if (!(events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                continue;
            bool alive = true;
            for (;;) {
                const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
                if (got > 0) {
                    connection.in.append(buffer, size_t(got));
                    continue;
                }
                alive = got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
                break;
            }
            if (alive && !connection.open)
                alive = handshake(connection);
            if (alive && connection.open)
                alive = readFrames(connection);
            if (!alive) {
                flush(connection); // a close frame, if it answered one
                closeConnection(fd);
            }
        }
        // One send per recipient per pass, whatever the pass gathered for it: all of them in
        // one submission where io_uring can be used.
        std::vector<Connection *> pending;
        for (const int fd : dirty) {
            auto found = connections.find(fd);
            if (found == connections.end())
                continue;
            found->second.dirty = false;
            if (!useRing)
                flush(found->second);
            else if (!found->second.out.empty() && !found->second.watchingOut)
                pending.push_back(&found->second);
        }
        dirty.clear();
        if (!pending.empty())
            flushThroughRing(pending);
    }
}
