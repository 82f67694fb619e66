#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>

// A file a message carries, as the room keeps it (FileStore has its bytes under `id`).
struct StoredFile
{
    QString id; // empty: no file
    QString name;
    qint64 size = 0;
    QString type; // as served
    int width = 0;
    int height = 0;
};

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
    StoredFile file;
    // A direct message's parties, as members (MemberRegistry::memberIdOf), not names: only
    // they read it. Never sent to clients.
    QString senderMember;
    QString recipientMember;

    // What it takes of a history page's byte budget: its UTF-16 strings and a little for the
    // rest. The JSON sent is about this size or smaller (CJK text: up to 1.5 times).
    qint64 pageBytes() const
    {
        return 2 * (name.size() + text.size() + clientId.size() + recipient.size())
               + (file.id.isEmpty() ? 64 : 256 + 4 * file.name.size());
    }
};
