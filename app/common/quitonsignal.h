#pragma once

#include <QtCore/QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(), so the host closes its
// sockets and the process exits 0. The handler only writes to a pipe (async-signal-safe);
// the quit happens in the event loop. One instance per process.
class QuitOnSignal final : public QObject
{
    Q_OBJECT

public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    QSocketNotifier *m_notifier = nullptr;
};
