#pragma once

#include <QtCore/QObject>

class QSocketNotifier;

// Turns the signals that end a session into Qt signals, delivered in the event loop: SIGINT and
// SIGTERM mean the session is over (the host ends its room, members are told), SIGHUP that the
// host is restarting (members come back by themselves). The handler only writes to a socket
// pair (async-signal-safe). One instance per process.
class SessionSignals final : public QObject
{
    Q_OBJECT

public:
    explicit SessionSignals(QObject *parent = nullptr);
    ~SessionSignals() override;

signals:
    void endRequested();
    void restartRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
