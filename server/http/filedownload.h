#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <functional>
#include <optional>

class QFile;
class QTcpSocket;
class RequestHead;

// Answers one GET or HEAD of /files/<id>/<name> (or /files/<id>/thumb) on a connection the
// sorter handed over, and closes it. The file is streamed from disk a large piece at a time as
// the peer reads — Qt 6.4's QHttpServerResponder::write(QIODevice *) moves 512 bytes per
// event-loop pass, and QHttpServerResponse::fromFile reads the whole file into memory — with
// single byte ranges (resumed downloads, seeking in a video) and the headers that keep a file
// from ever acting as a page of the host's origin.
class FileDownload final : public QObject
{
    Q_OBJECT

public:
    struct Found
    {
        QString path;
        QString type; // empty: judged by its first bytes (a thumbnail: JPEG or PNG)
        QString name; // for Content-Disposition
        bool inlinePicture = false; // a picture the host re-encoded (or its thumbnail)
    };
    // The file `id` for the bearer of `key`; nothing if it does not exist or they may not read it.
    using Resolver = std::function<std::optional<Found>(const QString &id, const QString &key,
                                                        bool thumb)>;

    static constexpr qint64 kPieceBytes = 256 * 1024;
    static constexpr int kStallTimeoutMs = 60'000; // the peer read nothing for this long

    static void serve(QTcpSocket *socket, const RequestHead &head, const Resolver &resolve);

private:
    FileDownload(QTcpSocket *socket, QFile *file, qint64 length); // file: at the first byte
    void writeMore();

    QTcpSocket *m_socket;
    QFile *m_file; // a child of this
    qint64 m_left;
    QTimer m_stall;
};
