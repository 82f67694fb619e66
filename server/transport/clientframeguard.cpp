#include "clientframeguard.h"

#include "framewriter.h"

#include <algorithm>

namespace {

constexpr quint8 kFin = 0x80;
constexpr quint8 kMasked = 0x80;
constexpr quint8 kContinuation = 0x0;
constexpr quint8 kText = 0x1;

// How many bytes at the end of `data` are the start of a character still to be completed: a
// lead byte and the continuation bytes that may follow it so far. 0 when the data ends on a
// character's end, or when those bytes can no longer become a character (RFC 3629's table:
// no overlong forms, no surrogates, nothing above U+10FFFF), so that the refusal comes with the
// fragment that made it certain.
qsizetype unfinishedCharacter(QByteArrayView data)
{
    const qsizetype size = data.size();
    qsizetype lead = size - 1;
    while (lead >= 0 && lead > size - 4 && (quint8(data[lead]) & 0xC0) == 0x80)
        --lead;
    if (lead < 0)
        return 0;
    const quint8 first = quint8(data[lead]);
    const qsizetype have = size - lead;
    qsizetype needs = 0;
    if (first >= 0xC2 && first <= 0xDF)
        needs = 2;
    else if (first >= 0xE0 && first <= 0xEF)
        needs = 3;
    else if (first >= 0xF0 && first <= 0xF4)
        needs = 4;
    if (needs == 0 || have >= needs)
        return 0; // complete, or not a lead byte at all: Qt judges it
    if (have >= 2) {
        const quint8 second = quint8(data[lead + 1]);
        const bool fits = (first == 0xE0 && second >= 0xA0) || (first == 0xED && second <= 0x9F)
                          || (first == 0xF0 && second >= 0x90) || (first == 0xF4 && second <= 0x8F)
                          || (first != 0xE0 && first != 0xED && first != 0xF0 && first != 0xF4);
        if (!fits)
            return 0;
    }
    return have;
}

} // namespace

void ClientFrameGuard::feed(QByteArrayView input, QByteArray &out)
{
    if (violated())
        return;
    // Most reads bring whole frames: they are read where they are, and only what is left of
    // an unfinished one is kept.
    QByteArrayView data = input;
    if (!m_pending.isEmpty()) {
        m_pending.append(input.data(), input.size());
        data = m_pending;
    }
    qsizetype used = 0;
    for (;;) {
        if (!m_inFrame) {
            if (!readHeader(data, used, out))
                break;
            if (violated()) {
                m_pending = QByteArray();
                m_carry = QByteArray();
                return;
            }
        }
        const qsizetype available = data.size() - used;
        if (m_holdWhole) {
            if (quint64(available) < m_left)
                break;
            QByteArray payload;
            unmaskInto(data.sliced(used, qsizetype(m_left)), payload);
            used += qsizetype(m_left);
            m_left = 0;
            m_inFrame = false;
            handText(payload, out);
            continue;
        }
        const qsizetype taken = qsizetype(std::min<quint64>(m_left, quint64(available)));
        unmaskInto(data.sliced(used, taken), out);
        used += taken;
        m_left -= quint64(taken);
        if (m_left > 0)
            break; // the rest of this frame's payload is still to come
        m_inFrame = false;
    }
    if (data.data() == m_pending.constData())
        m_pending.remove(0, used);
    else
        m_pending = data.sliced(used).toByteArray();
    if (m_pending.isEmpty())
        m_pending = QByteArray(); // an idle connection holds nothing
}

bool ClientFrameGuard::readHeader(QByteArrayView data, qsizetype &pos, QByteArray &out)
{
    const QByteArrayView pending = data.sliced(pos);
    if (pending.size() < 2)
        return false;
    const quint8 first = quint8(pending[0]);
    const quint8 second = quint8(pending[1]);
    if (!(second & kMasked)) {
        m_closeCode = 1002; // protocol error
        m_closeReason = QStringLiteral("A client's frames must be masked (RFC 6455, 5.1).");
        return true;
    }
    const quint8 shortLength = second & 0x7F;
    const qsizetype lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
    const qsizetype headerBytes = 2 + lengthBytes + 4;
    if (pending.size() < headerBytes)
        return false;
    quint64 length = shortLength;
    if (lengthBytes > 0) {
        length = 0;
        for (qsizetype i = 0; i < lengthBytes; ++i)
            length = (length << 8) | quint8(pending[2 + i]);
    }
    for (int i = 0; i < 4; ++i)
        m_mask[i] = quint8(pending[2 + lengthBytes + i]);
    pos += headerBytes;

    m_first = first;
    m_left = length;
    m_maskOffset = 0;
    m_inFrame = true;
    const quint8 opcode = first & 0x0F;
    const bool control = opcode & 0x8;
    const bool text = opcode == kText || (opcode == kContinuation && m_inText);
    if (opcode == kText)
        m_carry = QByteArray(); // a new message inside an unfinished one: Qt refuses it anyway
    if (!control && (opcode == kText || opcode == kContinuation))
        m_inText = text && !(first & kFin);
    m_holdWhole = text && length <= quint64(m_largestTextFrame);
    if (!m_holdWhole) {
        // Handed on as it comes. A text frame this large is refused by size as Qt reads its
        // header; what a previous fragment kept back goes first all the same.
        passHeader(out, length + quint64(text ? m_carry.size() : 0));
        if (text)
            out += std::exchange(m_carry, QByteArray());
    }
    return true;
}

void ClientFrameGuard::passHeader(QByteArray &out, quint64 length) const
{
    FrameWriter::appendHeader(out, m_first, length); // unmasked, as the host's own frames
}

void ClientFrameGuard::unmaskInto(QByteArrayView payload, QByteArray &out)
{
    const qsizetype start = out.size();
    out.append(payload.data(), payload.size());
    char *bytes = out.data() + start;
    for (qsizetype i = 0; i < payload.size(); ++i)
        bytes[i] = char(quint8(bytes[i]) ^ m_mask[(m_maskOffset + quint64(i)) & 3]);
    m_maskOffset += quint64(payload.size());
}

void ClientFrameGuard::handText(QByteArrayView payload, QByteArray &out)
{
    QByteArray data = std::exchange(m_carry, QByteArray());
    data.append(payload.data(), payload.size());
    const qsizetype keep = (m_first & kFin) ? 0 : unfinishedCharacter(data);
    passHeader(out, quint64(data.size() - keep));
    out.append(data.constData(), data.size() - keep);
    if (keep > 0)
        m_carry = data.last(keep);
}
