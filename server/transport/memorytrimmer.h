#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

// Hands memory the host freed back to the system. A crowd joining or a burst of messages
// fills thousands of write buffers at once; once they drain, glibc keeps the freed pages
// scattered through its heap, so the host's RSS stays at its peak (figures: docs/DESIGN.md).
// Trims every few seconds; a heap with
// nothing to give back costs microseconds. Every few seconds it asks its listener to let go of
// what it keeps only for speed (timeToRelease), which calls trim() once it has.
class MemoryTrimmer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 3000;
    static constexpr size_t kWorthTrimmingBytes = 8 * 1024 * 1024; // free in the heap

    explicit MemoryTrimmer(QObject *parent = nullptr);

    void trim(); // gives back what is free, if enough is

signals:
    void timeToRelease();

private:
    QTimer m_timer;
};
