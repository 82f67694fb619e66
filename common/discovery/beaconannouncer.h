#pragma once

#include "roomannouncement.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

class BeaconChannel;

// The host's side of the beacon: says its room when told to and whenever a listener asks
// (at most once per kAnswerGapMs, however often it is asked), and goodbye when it stops.
class BeaconAnnouncer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kAnswerGapMs = 250;

    explicit BeaconAnnouncer(QObject *parent = nullptr);

    bool start(QString *error);
    void announce(const RoomAnnouncement &room);
    void withdraw(); // goodbye; announce() starts again

private:
    void onReceived(const QByteArray &datagram);
    void sendRoom();

    BeaconChannel *m_channel;
    RoomAnnouncement m_room;
    bool m_announcing = false;
    QTimer m_answer;
};
