#pragma once

#include "roomannouncement.h"

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

class BeaconChannel;

// The listener's side of the beacon: asks which rooms are here on start, then passes on each
// announcement and goodbye heard. What is malformed or oversized is dropped (and said, in
// rejected(), for the log and the tests).
class BeaconListener final : public QObject
{
    Q_OBJECT

public:
    explicit BeaconListener(QObject *parent = nullptr);

    bool start(QString *error);
    void ask(); // hosts answer within BeaconAnnouncer::kAnswerGapMs

signals:
    void announced(const RoomAnnouncement &room, const QHostAddress &from);
    void withdrawn(const QString &id, const QHostAddress &from);
    void rejected(const QHostAddress &from, const QString &why);

private:
    void onReceived(const QByteArray &datagram, const QHostAddress &sender);

    BeaconChannel *m_channel;
};
