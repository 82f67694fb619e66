#include "framewriter.h"

namespace FrameWriter {

QByteArray textFrame(const QByteArray &utf8)
{
    const qsizetype size = utf8.size();
    QByteArray frame;
    frame.reserve(size + 10);
    frame.append(char(0x81)); // FIN, text
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xffff) {
        frame.append(char(126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(size) >> shift) & 0xff));
    }
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
