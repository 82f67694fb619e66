#pragma once

#include "serverevent.h"

#include <QtCore/QList>
#include <QtCore/QObject>

#include <functional>
#include <memory>

class QFile;

// The native client's uploads: each file is offered, then sent in binary frames at most the
// host's window ahead of what it acknowledged; after a reconnection it is offered again with
// its upload id and goes on from the bytes the host has. Lives inside ChatConnection, which
// hands it the host's answers and a way to write to the socket.
class FileSender final : public QObject
{
    Q_OBJECT

public:
    using SendText = std::function<void(const QString &)>;
    using SendBinary = std::function<void(const QByteArray &)>;

    FileSender(SendText sendText, SendBinary sendBinary, QObject *parent = nullptr);
    ~FileSender() override;

    // Returns the file's client id, or nothing if it cannot be read (error says why).
    QString add(const QString &path, const QString &to, bool connected, QString *error);
    void cancel(const QString &clientId);
    void offerAll(); // connected (again): every file waiting is offered
    bool owns(const QString &clientId) const;
    // The host's answers.
    void accepted(const Tertulia::Events::FileAccepted &event);
    void progressed(const Tertulia::Events::FileProgress &event);
    void finished(const QString &clientId); // acknowledged as a message, or refused
    QStringList dropAll(); // the host said to stop: every client id given up

    // What is still going up is kept in `path` (JSON), so a program started again goes on with
    // it. Returns the uploads found there that were not known yet (files that are gone or
    // changed size are dropped); they are offered with the others on the next connection.
    struct Kept
    {
        QString clientId;
        QString name;
        qint64 size = 0;
        QString to;
    };
    QList<Kept> keepIn(const QString &path);

signals:
    void progress(const QString &clientId, qint64 acknowledged, qint64 size);
    // All bytes in: a picture waits for the host's decoder (`ahead` before it) or is processed.
    void stage(const QString &clientId, Tertulia::Events::FileProgress::Stage stage, int ahead);

private:
    struct Upload;
    Upload *find(const QString &clientId) const;
    Upload *findUpload(const QString &uploadId) const;
    void offer(const Upload &upload);
    void pump(Upload &upload);
    void save() const; // to the keeping path, if there is one

    SendText m_sendText;
    SendBinary m_sendBinary;
    QList<std::shared_ptr<Upload>> m_uploads;
    QString m_keptPath;
};
