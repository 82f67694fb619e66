#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>

// One chat message as the room keeps it. Its id is the room's sequence number: ids only grow,
// are never reused, and order the history.
struct StoredMessage
{
    qint64 id = 0;
    QString name;
    QString text;
    QDateTime time; // UTC, millisecond precision
    QString clientId;
    QString recipient; // a direct message: the member it is for; empty for the whole room
};
