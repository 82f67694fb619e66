#include "framewriter.h"

namespace FrameWriter {

void appendHeader(QByteArray &out, quint8 first, quint64 length)
{
    out.append(char(first));
    if (length < 126) {
        out.append(char(length));
    } else if (length <= 0xffff) {
        out.append(char(126));
        out.append(char(length >> 8));
        out.append(char(length & 0xff));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((length >> shift) & 0xff));
    }
}

QByteArray textFrame(const QByteArray &utf8)
{
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    appendHeader(frame, 0x81, quint64(utf8.size())); // FIN, text
    frame.append(utf8);
    return frame;
}

QByteArray closeFrame(quint16 code, const QByteArray &reasonUtf8)
{
    const QByteArray reason = reasonUtf8.left(123);
    QByteArray frame;
    frame.append(char(0x88)); // FIN, close
    frame.append(char(2 + reason.size()));
    frame.append(char(code >> 8));
    frame.append(char(code & 0xff));
    frame.append(reason);
    return frame;
}

} // namespace FrameWriter
