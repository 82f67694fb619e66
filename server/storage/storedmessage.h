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

    // What it takes of a history page's byte budget: its UTF-16 strings and a little for the
    // rest. The JSON sent is about this size or smaller (CJK text: up to 1.5 times).
    qint64 pageBytes() const
    {
        return 2 * (name.size() + text.size() + clientId.size() + recipient.size()) + 64;
    }
};
