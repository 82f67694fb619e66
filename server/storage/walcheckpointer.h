#pragma once

#include <QtCore/QString>

#include <condition_variable>
#include <mutex>
#include <thread>

// Copies the history's write-ahead log into the database on a thread of its own, with a
// connection of its own, once a second. SQLite would otherwise do it inside a commit every
// ~4 MB of log — a write and an fsync of the database in the middle of the event loop, which
// held chat deliveries back (figures: docs/DESIGN.md).
// A passive checkpoint never blocks the writer; readers and the writer go on meanwhile.
class WalCheckpointer final
{
public:
    static constexpr int kIntervalMs = 1000;

    explicit WalCheckpointer(const QString &databasePath);
    ~WalCheckpointer(); // stops the thread; the last connection to close checkpoints the rest

private:
    void run(const QString &databasePath);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};
