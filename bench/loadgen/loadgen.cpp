// tertulia-loadgen: N WebSocket clients on one epoll loop, raw sockets, no framework, so the
// generator is not what limits the measurement. Speaks only what every server under test
// speaks: connect to /ws?name=…, send {"name","message"} text frames, read text frames.
//
// Each bench message carries "bench|<sender>|<seq>|<monotonic ns>|": every receiver turns it
// into a latency sample. Prints one JSON object with the results on stdout.
//
//   fanout: connect N, S of them send at a total rate R for T seconds; latency, losses, CPU.
//   join:   connect N at once; time until all are upgraded and (Tertulia) every client's
//           member count says N; bytes each newcomer was sent; RSS per connection.
//   burst:  connect N, send M messages as fast as possible; RSS before, at peak, after.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

struct Options
{
    std::string mode = "fanout";
    int port = 0;
    int hostPid = 0;
    int clients = 100;
    int senders = 10;
    double rate = 500; // messages a second, all senders together
    double seconds = 10;
    int burst = 10000; // burst mode: messages in all
    int payload = 64; // bytes of padding in each message
    bool presence = false; // the server sends Tertulia's welcome/presence: track member counts
    int maxConnecting = 20000; // connects in flight at once
    std::string prefix = "bench"; // client names: <prefix>-<index>
    double drainSeconds = 5; // how long to wait for deliveries still in flight
    double holdSeconds = 0; // connections kept open after the report (to profile the host)
    int threads = 1; // each with its own epoll loop and its slice of the crowd
    int port2 = 0; // a second node of the same room: every other client connects there
    std::vector<int> alsoPids; // their CPU is measured too (the second node, Redis)
};

int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double cpuSecondsOf(int pid)
{
    // utime + stime, fields 14 and 15 of /proc/PID/stat, after the command in parentheses.
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    char buffer[1024] = {};
    const size_t size = fread(buffer, 1, sizeof buffer - 1, file);
    fclose(file);
    buffer[size] = 0;
    const char *after = strrchr(buffer, ')');
    if (!after)
        return -1;
    unsigned long long utime = 0, stime = 0;
    sscanf(after + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime);
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

long rssKbOf(int pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = strtol(line + 6, nullptr, 10);
    }
    fclose(file);
    return kb;
}

double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Client
{
    int fd = -1;
    int index = 0; // in the whole crowd: its name
    int slot = 0; // in its thread's generator
    bool upgraded = false;
    bool closed = false;
    std::string in; // unread bytes
    std::string out; // unwritten bytes
    long members = -1; // Tertulia: members the room last told this client it has
    int64_t bytesIn = 0; // after the upgrade: every frame's bytes, headers included
    int64_t welcomeBytes = 0;
    int64_t seq = 0;
};

struct Stats
{
    std::vector<int64_t> latencyNs;
    int64_t delivered = 0;
    int64_t sent = 0;
    int64_t expected = 0;
    int upgraded = 0;
    int failed = 0;
    int settled = 0; // clients whose member count reached N
    int64_t welcomeBytesMax = 0;
};

class LoadGenerator
{
public:
    // first, count: the slice of the crowd this generator (one thread) runs.
    LoadGenerator(const Options &options, int first, int count)
        : m_options(options), m_first(first), m_count(count)
    {
        m_epoll = epoll_create1(0);
    }

    void connectAll()
    {
        m_clients.resize(size_t(m_count));
        for (int i = 0; i < m_count; ++i) {
            m_clients[size_t(i)].index = m_first + i;
            m_clients[size_t(i)].slot = i;
        }
        m_nextToConnect = 0;
        startConnects();
    }

    // Runs the loop until `done` says so or the deadline passes.
    template<typename Done>
    void runUntil(int64_t deadlineNs, Done done, int64_t tickNs = 1'000'000)
    {
        epoll_event events[512];
        while (!done() && nowNs() < deadlineNs) {
            const int timeoutMs = int(std::max<int64_t>(0, tickNs / 1'000'000));
            const int count = epoll_wait(m_epoll, events, 512, timeoutMs);
            for (int i = 0; i < count; ++i) {
                Client &client = m_clients[events[i].data.u32];
                if (events[i].events & (EPOLLERR | EPOLLHUP))
                    fail(client);
                else {
                    if (events[i].events & EPOLLOUT)
                        flush(client);
                    if (events[i].events & EPOLLIN)
                        readFrom(client);
                }
            }
            if (m_onTick)
                m_onTick();
            startConnects();
        }
    }

    void setTick(std::function<void()> tick) { m_onTick = std::move(tick); }

    void sendChat(Client &client, int64_t sentNs)
    {
        const std::string name = m_options.prefix + "-" + std::to_string(client.index);
        std::string text = "bench|" + std::to_string(client.index) + "|"
                           + std::to_string(client.seq++) + "|" + std::to_string(sentNs) + "|";
        text.append(size_t(m_options.payload), 'x');
        const std::string json = "{\"name\":\"" + name + "\",\"message\":\"" + text + "\"}";
        writeFrame(client, 0x1, json);
        ++m_stats.sent;
    }

    std::vector<Client> &clients() { return m_clients; }
    Stats &stats() { return m_stats; }
    // Deliveries counted across every thread's generator, for the drain.
    void countDeliveriesIn(std::atomic<int64_t> *counter) { m_deliveredEverywhere = counter; }
    const Options &options() const { return m_options; }

private:
    void startConnects()
    {
        while (m_nextToConnect < int(m_clients.size()) && m_connecting < m_options.maxConnecting) {
            Client &client = m_clients[m_nextToConnect++];
            client.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (client.fd < 0) {
                perror("socket");
                ++m_stats.failed;
                continue;
            }
            const int one = 1;
            setsockopt(client.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            const int port = m_options.port2 && client.index % 2 ? m_options.port2
                                                                 : m_options.port;
            address.sin_port = htons(uint16_t(port));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            connect(client.fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
            client.out = "GET /ws?name=" + m_options.prefix + "-" + std::to_string(client.index)
                         + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port)
                         + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n";
            epoll_event event{};
            event.events = EPOLLIN | EPOLLOUT;
            event.data.u32 = uint32_t(client.slot);
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, client.fd, &event);
            ++m_connecting;
        }
    }

    void fail(Client &client)
    {
        if (client.closed)
            return;
        client.closed = true;
        if (!client.upgraded) {
            ++m_stats.failed;
            --m_connecting;
        }
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, client.fd, nullptr);
        close(client.fd);
    }

    void writeFrame(Client &client, int opcode, std::string_view payload)
    {
        // Client frames are masked (RFC 6455); a fixed mask is as valid as a random one here.
        static const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
        std::string frame;
        frame.reserve(payload.size() + 14);
        frame.push_back(char(0x80 | opcode));
        if (payload.size() < 126) {
            frame.push_back(char(0x80 | payload.size()));
        } else if (payload.size() < 65536) {
            frame.push_back(char(0x80 | 126));
            frame.push_back(char(payload.size() >> 8));
            frame.push_back(char(payload.size() & 0xff));
        } else {
            frame.push_back(char(0x80 | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.push_back(char((uint64_t(payload.size()) >> shift) & 0xff));
        }
        frame.append(reinterpret_cast<const char *>(mask), 4);
        for (size_t i = 0; i < payload.size(); ++i)
            frame.push_back(char(payload[i] ^ mask[i % 4]));
        client.out += frame;
        flush(client);
    }

    void flush(Client &client)
    {
        while (!client.out.empty()) {
            const ssize_t written
                    = ::send(client.fd, client.out.data(), client.out.size(), MSG_NOSIGNAL);
            if (written < 0) {
                if (errno == EAGAIN || errno == EINPROGRESS || errno == ENOTCONN)
                    break;
                fail(client);
                return;
            }
            client.out.erase(0, size_t(written));
        }
        epoll_event event{};
        event.events = EPOLLIN | (client.out.empty() ? 0u : uint32_t(EPOLLOUT));
        event.data.u32 = uint32_t(client.slot);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, client.fd, &event);
    }

    void readFrom(Client &client)
    {
        char buffer[65536];
        for (;;) {
            const ssize_t got = ::recv(client.fd, buffer, sizeof buffer, 0);
            if (got == 0) {
                fail(client);
                return;
            }
            if (got < 0) {
                if (errno != EAGAIN)
                    fail(client);
                break;
            }
            client.in.append(buffer, size_t(got));
            client.bytesIn += got;
            if (got < ssize_t(sizeof buffer))
                break;
        }
        if (!client.upgraded) {
            const size_t end = client.in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            if (client.in.compare(0, 12, "HTTP/1.1 101") != 0) {
                fail(client);
                return;
            }
            client.upgraded = true;
            --m_connecting;
            ++m_stats.upgraded;
            client.in.erase(0, end + 4);
            client.bytesIn -= int64_t(end + 4);
        }
        size_t offset = 0;
        const int64_t now = nowNs();
        while (client.in.size() - offset >= 2) {
            const auto *bytes = reinterpret_cast<const unsigned char *>(client.in.data() + offset);
            const int opcode = bytes[0] & 0x0f;
            uint64_t length = bytes[1] & 0x7f;
            size_t header = 2;
            if (length == 126) {
                if (client.in.size() - offset < 4)
                    break;
                length = (uint64_t(bytes[2]) << 8) | bytes[3];
                header = 4;
            } else if (length == 127) {
                if (client.in.size() - offset < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | bytes[2 + i];
                header = 10;
            }
            if (client.in.size() - offset < header + length)
                break;
            const std::string_view payload(client.in.data() + offset + header, size_t(length));
            offset += header + size_t(length);
            if (opcode == 0x9) // ping: answer, as every client must
                writeFrame(client, 0xA, payload);
            else if (opcode == 0x8)
                client.closed = true;
            else if (opcode == 0x1 || opcode == 0x0)
                onText(client, payload, now);
        }
        client.in.erase(0, offset);
        if (client.in.empty() && client.in.capacity() > 65536)
            std::string().swap(client.in); // a welcome's worth, times 10 000 clients
    }

    void onText(Client &client, std::string_view text, int64_t now)
    {
        const size_t at = locate(text, "bench|");
        if (at != std::string_view::npos
            && locate(text, "\"type\":\"history\"") == std::string_view::npos) {
            // bench|sender|seq|ns|
            const char *p = text.data() + at + 6;
            const char *end = text.data() + text.size();
            int bars = 0;
            while (p < end && bars < 2) {
                if (*p++ == '|')
                    ++bars;
            }
            const int64_t sentNs = strtoll(p, nullptr, 10);
            m_stats.latencyNs.push_back(now - sentNs);
            ++m_stats.delivered;
            if (m_deliveredEverywhere)
                m_deliveredEverywhere->fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (!m_options.presence)
            return;
        // Tertulia's welcome says how many are in the room, and each presence event again.
        if (locate(text, "\"type\":\"welcome\"") != std::string_view::npos) {
            client.welcomeBytes = int64_t(text.size());
            m_stats.welcomeBytesMax = std::max(m_stats.welcomeBytesMax, client.welcomeBytes);
            trackCount(client, text, "\"memberCount\":");
        } else if (locate(text, "\"type\":\"presence\"") != std::string_view::npos) {
            trackCount(client, text, "\"count\":");
        }
    }

    void trackCount(Client &client, std::string_view text, std::string_view field)
    {
        const size_t at = locate(text, field);
        if (at == std::string_view::npos)
            return;
        const long n = m_options.clients;
        const long before = client.members;
        client.members = strtol(text.data() + at + field.size(), nullptr, 10);
        if (before != n && client.members == n)
            ++m_stats.settled;
        else if (before == n && client.members != n)
            --m_stats.settled;
    }

    // memmem: string_view::find stops at every occurrence of the needle's first character, and
    // these needles start with '"' (four per member entry): it made this generator the
    // bottleneck when 10 000 clients join.
    static size_t locate(std::string_view text, std::string_view needle, size_t from = 0)
    {
        if (from >= text.size())
            return std::string_view::npos;
        const void *hit
                = memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
        return hit ? size_t(static_cast<const char *>(hit) - text.data()) : std::string_view::npos;
    }

    Options m_options;
    int m_first = 0;
    int m_count = 0;
    std::atomic<int64_t> *m_deliveredEverywhere = nullptr;
    int m_epoll = -1;
    std::vector<Client> m_clients;
    int m_nextToConnect = 0;
    int m_connecting = 0;
    Stats m_stats;
    std::function<void()> m_onTick;
};

double percentile(std::vector<int64_t> &sorted, double p)
{
    if (sorted.empty())
        return -1;
    const size_t index
            = std::min(sorted.size() - 1, size_t(std::ceil(p * double(sorted.size())) - 1));
    return double(sorted[index]) / 1000.0; // µs
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char *value = argv[i + 1];
        if (key == "--mode")
            options.mode = value;
        else if (key == "--port")
            options.port = atoi(value);
        else if (key == "--host-pid")
            options.hostPid = atoi(value);
        else if (key == "--clients")
            options.clients = atoi(value);
        else if (key == "--senders")
            options.senders = atoi(value);
        else if (key == "--rate")
            options.rate = atof(value);
        else if (key == "--seconds")
            options.seconds = atof(value);
        else if (key == "--burst")
            options.burst = atoi(value);
        else if (key == "--payload")
            options.payload = atoi(value);
        else if (key == "--presence")
            options.presence = atoi(value) != 0;
        else if (key == "--max-connecting")
            options.maxConnecting = atoi(value);
        else if (key == "--prefix")
            options.prefix = value;
        else if (key == "--drain")
            options.drainSeconds = atof(value);
        else if (key == "--hold")
            options.holdSeconds = atof(value);
        else if (key == "--threads")
            options.threads = std::max(1, atoi(value));
        else if (key == "--port2")
            options.port2 = atoi(value);
        else if (key == "--also-pids") {
            for (const char *pid = value; *pid; pid = strchr(pid, ',') ? strchr(pid, ',') + 1 : "")
                options.alsoPids.push_back(atoi(pid));
        }
        else {
            fprintf(stderr, "unknown option %s\n", key.c_str());
            exit(2);
        }
    }
    if (options.port <= 0 || options.hostPid <= 0) {
        fprintf(stderr, "usage: tertulia-loadgen --port P --host-pid PID [--mode fanout|join|burst]"
                        " [--clients N] [--senders S] [--rate R] [--seconds T] [--burst M]"
                        " [--payload BYTES] [--presence 0|1] [--max-connecting N] [--prefix NAME]"
                        " [--drain SECONDS] [--hold SECONDS] [--threads T]"
                        " [--port2 P] [--also-pids PID,PID]\n");
        exit(2);
    }
    return options;
}

// The threads go through the phases together: each waits here for the others.
class Barrier
{
public:
    explicit Barrier(int count) : m_count(count) { }
    void wait()
    {
        std::unique_lock lock(m_mutex);
        const int generation = m_generation;
        if (++m_waiting == m_count) {
            m_waiting = 0;
            ++m_generation;
            m_changed.notify_all();
            return;
        }
        m_changed.wait(lock, [&] { return generation != m_generation; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_count;
    int m_waiting = 0;
    int m_generation = 0;
};

struct ThreadResult
{
    Stats stats;
    double connectSeconds = 0;
    double settleSeconds = -1;
    int64_t bytesIn = 0;
};

// What every thread shares: the phases' start times and the counts the drain waits for.
struct Run
{
    Run(const Options &options, const std::vector<ThreadResult> &results)
        : options(options), results(results), barrier(options.threads)
    { }
    const Options &options;
    const std::vector<ThreadResult> &results;
    Barrier barrier;
    int64_t connectStart = 0;
    int64_t sendStart = 0;
    std::atomic<int> upgraded{0};
    std::atomic<int64_t> expected{0};
    std::atomic<int64_t> delivered{0};
    // Read by thread 0 at the phases' edges.
    long rssBaseline = 0, rssConnected = 0, rssPeak = 0, rssAfter = 0;
    double hostCpuStart = 0, ownCpuStart = 0, hostCpu = 0, ownCpu = 0;
    std::vector<double> alsoCpu; // --also-pids: at the start, then what they used
    int64_t sendEnd = 0, measureEnd = 0;
};

void report(const Run &run, const std::vector<ThreadResult> &results);

void runThread(Run &run, int thread, ThreadResult &result)
{
    const Options &all = run.options;
    const int n = all.clients;
    const int first = int(int64_t(n) * thread / all.threads);
    const int count = int(int64_t(n) * (thread + 1) / all.threads) - first;
    Options options = all;
    options.maxConnecting = std::max(1, all.maxConnecting / all.threads);
    LoadGenerator generator(options, first, count);
    generator.countDeliveriesIn(&run.delivered);
    Stats &stats = generator.stats();
    const bool lead = thread == 0;

    run.barrier.wait();
    if (lead) {
        run.rssBaseline = rssKbOf(all.hostPid);
        run.connectStart = nowNs();
    }
    run.barrier.wait();
    // Everyone connects; (Tertulia) everyone's member count settles.
    generator.connectAll();
    generator.runUntil(run.connectStart + 60'000'000'000,
                       [&] { return stats.upgraded + stats.failed >= count; });
    result.connectSeconds = double(nowNs() - run.connectStart) / 1e9;
    if (all.presence) {
        generator.runUntil(run.connectStart + 60'000'000'000,
                           [&] { return stats.settled >= stats.upgraded; });
        result.settleSeconds = double(nowNs() - run.connectStart) / 1e9;
    }
    run.upgraded += stats.upgraded;
    // Presence traffic and the like end before anything else is measured; idle connections are
    // measured idle (after the host has had time to hand freed memory back).
    const int64_t quietNs = all.mode == "join" ? 4'000'000'000 : 1'000'000'000;
    generator.runUntil(
            nowNs() + quietNs, [] { return false; }, 50'000'000);
    run.barrier.wait();
    if (lead) {
        run.rssConnected = run.rssPeak = rssKbOf(all.hostPid);
        run.hostCpuStart = cpuSecondsOf(all.hostPid);
        run.alsoCpu.clear();
        for (const int pid : all.alsoPids)
            run.alsoCpu.push_back(cpuSecondsOf(pid));
        run.ownCpuStart = ownCpuSeconds();
        run.sendStart = nowNs();
    }
    run.barrier.wait();

    if (all.mode == "fanout" || all.mode == "burst") {
        // This thread's share of the senders, and of the rate or the burst.
        const int sendersAll = std::min(all.senders, n);
        const int sendersFirst = int(int64_t(sendersAll) * thread / all.threads);
        const int senders = std::min(count, int(int64_t(sendersAll) * (thread + 1) / all.threads)
                                                    - sendersFirst);
        const bool burst = all.mode == "burst";
        const double share = sendersAll ? double(senders) / sendersAll : 0;
        const int64_t total = senders <= 0 ? 0
                              : burst      ? int64_t(all.burst * share)
                                           : int64_t(all.rate * share * all.seconds);
        const int everyone = run.upgraded.load();
        std::vector<Client> &clients = generator.clients();
        int64_t scheduled = 0;
        int nextSender = 0;
        int64_t lastRssCheck = 0;
        generator.setTick([&] {
            const int64_t now = nowNs();
            const int64_t due = burst ? std::min<int64_t>(total, scheduled + 200)
                                      : std::min<int64_t>(total, int64_t(double(now - run.sendStart)
                                                                         / 1e9 * all.rate * share));
            while (scheduled < due) {
                Client &sender = clients[size_t(nextSender)];
                nextSender = (nextSender + 1) % senders;
                if (sender.upgraded && !sender.closed) {
                    generator.sendChat(sender, now);
                    run.expected += everyone - 1;
                }
                ++scheduled;
            }
            if (lead && now - lastRssCheck > 50'000'000) {
                lastRssCheck = now;
                run.rssPeak = std::max(run.rssPeak, rssKbOf(all.hostPid));
            }
        });
        const int64_t sendDeadline
                = burst ? run.sendStart + 120'000'000'000
                        : run.sendStart + int64_t(all.seconds * 1e9) + 100'000'000;
        generator.runUntil(sendDeadline, [&] { return scheduled >= total; });
        generator.setTick({});
        run.barrier.wait();
        if (lead)
            run.sendEnd = nowNs();
        // Drain: what is still in flight after the last send, wherever it is going.
        generator.runUntil(nowNs() + int64_t(all.drainSeconds * 1e9),
                           [&] { return run.delivered.load() >= run.expected.load(); });
    }
    run.barrier.wait();
    if (lead) {
        run.measureEnd = nowNs();
        run.hostCpu = cpuSecondsOf(all.hostPid) - run.hostCpuStart;
        for (size_t i = 0; i < all.alsoPids.size(); ++i)
            run.alsoCpu[i] = cpuSecondsOf(all.alsoPids[i]) - run.alsoCpu[i];
        run.ownCpu = ownCpuSeconds() - run.ownCpuStart;
    }
    // After a burst, give the host a moment to hand memory back: a little longer than
    // Tertulia's 3 s trim interval, so the reading does not depend on where in it the burst ended.
    if (all.mode == "burst")
        generator.runUntil(
                nowNs() + 4'000'000'000, [] { return false; }, 50'000'000);
    run.barrier.wait();
    if (lead)
        run.rssAfter = rssKbOf(all.hostPid);
    for (const Client &client : generator.clients())
        result.bytesIn += client.bytesIn;
    result.stats = stats;
    run.barrier.wait();
    if (lead)
        report(run, run.results);
    run.barrier.wait();
    generator.runUntil(
            nowNs() + int64_t(all.holdSeconds * 1e9), [] { return false; }, 50'000'000);
}

// One JSON object with the results of every thread, printed by thread 0 while all connections
// are still open (for --hold).
void report(const Run &run, const std::vector<ThreadResult> &results)
{
    Stats stats;
    double connectSeconds = 0, settleSeconds = -1;
    int64_t bytesIn = 0;
    for (const ThreadResult &result : results) {
        const Stats &part = result.stats;
        stats.latencyNs.insert(stats.latencyNs.end(), part.latencyNs.begin(), part.latencyNs.end());
        stats.delivered += part.delivered;
        stats.sent += part.sent;
        stats.upgraded += part.upgraded;
        stats.failed += part.failed;
        stats.welcomeBytesMax = std::max(stats.welcomeBytesMax, part.welcomeBytesMax);
        connectSeconds = std::max(connectSeconds, result.connectSeconds);
        settleSeconds = std::max(settleSeconds, result.settleSeconds);
        bytesIn += result.bytesIn;
    }
    stats.expected = run.expected.load();
    const Options &options = run.options;
    const int n = options.clients;
    const double bytesPerClient = n ? double(bytesIn) / n : 0;
    std::vector<int64_t> &latencies = stats.latencyNs;
    std::sort(latencies.begin(), latencies.end());
    const double window = double(run.measureEnd - run.sendStart) / 1e9;
    const int senders = std::min(options.senders, n);
    std::string alsoCpu;
    for (const double cpu : run.alsoCpu)
        alsoCpu += (alsoCpu.empty() ? "" : ",") + std::to_string(cpu);
    printf("{\"mode\":\"%s\",\"clients\":%d,\"senders\":%d,\"rate\":%.0f,\"seconds\":%.1f,"
           "\"connected\":%d,\"failed\":%d,\"connect_s\":%.3f,\"settle_s\":%.3f,"
           "\"sent\":%" PRId64 ",\"expected\":%" PRId64 ",\"delivered\":%" PRId64
           ",\"lost\":%" PRId64 ","
           "\"deliveries_per_s\":%.0f,\"p50_us\":%.0f,\"p90_us\":%.0f,\"p99_us\":%.0f,\"max_us\":%."
           "0f,"
           "\"host_cpu_s\":%.3f,\"host_cpu_us_per_delivery\":%.3f,\"loadgen_cpu_s\":%.3f,"
           "\"loadgen_cpu_share\":%.3f,\"send_s\":%.3f,"
           "\"rss_baseline_kb\":%ld,\"rss_connected_kb\":%ld,\"rss_peak_kb\":%ld,\"rss_after_kb\":%"
           "ld,"
           "\"rss_per_connection_kb\":%.2f,\"welcome_bytes_max\":%" PRId64
           ",\"bytes_per_client\":%.0f,\"also_cpu_s\":[%s]}\n",
           options.mode.c_str(), n, senders, options.rate, options.seconds, stats.upgraded,
           stats.failed, connectSeconds, settleSeconds, stats.sent, stats.expected, stats.delivered,
           std::max<int64_t>(0, stats.expected - stats.delivered),
           window > 0 ? double(stats.delivered) / window : 0, percentile(latencies, 0.50),
           percentile(latencies, 0.90), percentile(latencies, 0.99),
           latencies.empty() ? -1.0 : double(latencies.back()) / 1000.0, run.hostCpu,
           stats.delivered ? run.hostCpu / double(stats.delivered) * 1e6 : -1, run.ownCpu,
           window > 0 ? run.ownCpu / window : 0, double(run.sendEnd - run.sendStart) / 1e9,
           run.rssBaseline, run.rssConnected, run.rssPeak, run.rssAfter,
           n ? double(run.rssConnected - run.rssBaseline) / n : 0, stats.welcomeBytesMax,
           bytesPerClient, alsoCpu.c_str());
    fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    std::vector<ThreadResult> results(size_t(options.threads));
    Run run(options, results);
    std::vector<std::thread> threads;
    for (int t = 0; t < options.threads; ++t)
        threads.emplace_back([&, t] { runThread(run, t, results[size_t(t)]); });
    for (std::thread &thread : threads)
        thread.join();
    return 0;
}
