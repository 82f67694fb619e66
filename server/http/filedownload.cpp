#include "filedownload.h"

#include "plainanswer.h"
#include "requesthead.h"
#include "securityheaders.h"

#include <QtCore/QFile>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

QByteArray typeByContent(QFile &file)
{
    const QByteArray head = file.peek(8);
    return head.startsWith("\x89PNG") ? "image/png" : "image/jpeg";
}

// attachment; filename="plain ascii"; filename*=UTF-8''percent-encoded (RFC 6266): the name
// never breaks out of the header whatever it contains.
QByteArray disposition(bool inlinePicture, const QString &name)
{
    QByteArray ascii;
    for (QChar c : name)
        ascii.append(c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\'
                             ? char(c.unicode())
                             : '_');
    return (inlinePicture ? "inline" : "attachment") + QByteArray("; filename=\"") + ascii
           + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

// A single range of "bytes=a-b", "bytes=a-" or "bytes=-n" within `size`: first and length.
// Nothing for several ranges or another unit (the whole file is sent then); a range that
// lies outside the file is {-1, -1}.
std::optional<std::pair<qint64, qint64>> byteRange(const QByteArray &header, qint64 size)
{
    if (!header.startsWith("bytes=") || header.contains(','))
        return std::nullopt;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    bool firstOk = false;
    bool lastOk = false;
    const qint64 first = spec.left(dash).toLongLong(&firstOk);
    const qint64 last = spec.mid(dash + 1).toLongLong(&lastOk);
    if (!firstOk && lastOk && dash == 0) { // the last `last` bytes
        if (last <= 0)
            return std::pair<qint64, qint64>{-1, -1};
        const qint64 length = std::min(last, size);
        return std::pair<qint64, qint64>{size - length, length};
    }
    if (!firstOk || first < 0 || first >= size || (lastOk && last < first))
        return std::pair<qint64, qint64>{-1, -1};
    const qint64 end = lastOk ? std::min(last, size - 1) : size - 1;
    return std::pair<qint64, qint64>{first, end - first + 1};
}

} // namespace

void FileDownload::serve(QTcpSocket *socket, const RequestHead &head, const Resolver &resolve)
{
    socket->read(socket->peek(64 * 1024).indexOf("\r\n\r\n") + 4); // the head, already parsed
    if (head.method() != "GET" && head.method() != "HEAD") {
        PlainAnswer::send(socket, "405 Method Not Allowed", "Files are only read here.",
                          "Allow: GET, HEAD\r\n");
        return;
    }
    const QUrl url(QString::fromLatin1(head.target()));
    const QStringList parts = url.path().split(u'/'); // "", "files", id, name
    const QString key = QUrlQuery(url).queryItemValue(u"key"_s);
    const bool thumb = parts.size() == 4 && parts[3] == u"thumb";
    std::optional<Found> found;
    if (parts.size() == 4 && !key.isEmpty())
        found = resolve(parts[2], key, thumb);
    // Missing, and not yours to read, look the same: nothing tells a guesser which it was.
    auto *file = found ? new QFile(found->path) : nullptr;
    if (!file || !file->open(QIODevice::ReadOnly)) {
        delete file;
        PlainAnswer::send(
                socket, "404 Not Found",
                "No such file here, or it is not yours to read (it may have been removed).");
        return;
    }
    const qint64 size = file->size();
    const auto range = byteRange(head.header("range"), size);
    if (range && range->first < 0) {
        delete file;
        PlainAnswer::send(socket, "416 Range Not Satisfiable", "That range lies outside the file.",
                          "Content-Range: bytes */" + QByteArray::number(size) + "\r\n");
        return;
    }
    const qint64 from = range ? range->first : 0;
    const qint64 length = range ? range->second : size;
    const QByteArray type = !found->inlinePicture   ? QByteArray("application/octet-stream")
                            : found->type.isEmpty() ? typeByContent(*file)
                                                    : found->type.toLatin1();
    QByteArray response = range ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes "
                                          + QByteArray::number(from) + '-'
                                          + QByteArray::number(from + length - 1) + '/'
                                          + QByteArray::number(size) + "\r\n"
                                : QByteArray("HTTP/1.1 200 OK\r\n");
    response += "Content-Type: " + type + "\r\nContent-Length: " + QByteArray::number(length)
                + "\r\nContent-Disposition: " + disposition(found->inlinePicture, found->name)
                + "\r\nAccept-Ranges: bytes\r\n"
                // Never a page: not sniffed, no script, no plugin, not embeddable elsewhere.
                + SecurityHeaders::lines(SecurityHeaders::Kind::Content)
                + "Cache-Control: private, max-age=86400\r\nConnection: close\r\n\r\n";
    socket->write(response);
    if (head.method() == "HEAD" || length == 0 || !file->seek(from)) {
        delete file;
        socket->disconnectFromHost();
        return;
    }
    new FileDownload(socket, file, length);
}

FileDownload::FileDownload(QTcpSocket *socket, QFile *file, qint64 length)
    : QObject(socket), m_socket(socket), m_file(file), m_left(length)
{
    m_file->setParent(this);
    m_stall.setSingleShot(true);
    m_stall.setInterval(kStallTimeoutMs);
    connect(&m_stall, &QTimer::timeout, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::bytesWritten, this, &FileDownload::writeMore);
    writeMore();
}

void FileDownload::writeMore()
{
    m_stall.start();
    // Two pieces queued at most: memory stays flat however large the file or slow the peer.
    while (m_left > 0 && m_socket->bytesToWrite() < 2 * kPieceBytes) {
        const QByteArray piece = m_file->read(std::min(m_left, kPieceBytes));
        if (piece.isEmpty()) { // the file shrank or vanished underneath: cut, never pad
            m_socket->abort();
            return;
        }
        m_left -= piece.size();
        m_socket->write(piece);
    }
    if (m_left == 0) {
        disconnect(m_socket, &QTcpSocket::bytesWritten, this, &FileDownload::writeMore);
        m_socket->disconnectFromHost(); // once what is queued has gone
    }
}
