#include "jsonobjectwriter.h"

#include <QtCore/QChar>
#include <QtCore/QDate>
#include <QtCore/QTime>

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

// Appends `value` with `width` digits, zeros in front.
void appendDigits(QByteArray &out, int value, int width)
{
    char digits[4];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(digits, width);
}

} // namespace

QByteArray isoTimeText(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (!date.isValid() || date.year() < 0 || date.year() > 9999) // Qt's own way, rarely
        return utc.toString(Qt::ISODateWithMs).toLatin1();
    const QTime clock = utc.time();
    QByteArray text;
    text.reserve(24);
    appendDigits(text, date.year(), 4);
    text.append('-');
    appendDigits(text, date.month(), 2);
    text.append('-');
    appendDigits(text, date.day(), 2);
    text.append('T');
    appendDigits(text, clock.hour(), 2);
    text.append(':');
    appendDigits(text, clock.minute(), 2);
    text.append(':');
    appendDigits(text, clock.second(), 2);
    text.append('.');
    appendDigits(text, clock.msec(), 3);
    return text.append('Z');
}

JsonObjectWriter::JsonObjectWriter(qsizetype reserve)
{
    m_json.reserve(reserve);
    m_json.append('{');
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, QStringView text)
{
    this->key(key);
    string(text);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, QLatin1StringView text)
{
    this->key(key);
    string(QString(text));
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, qint64 number)
{
    this->key(key);
    m_json.append(QByteArray::number(number));
    return *this;
}

JsonObjectWriter &JsonObjectWriter::add(QLatin1StringView key, bool value)
{
    this->key(key);
    m_json.append(value ? "true" : "false");
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addTime(QLatin1StringView key, const QDateTime &time)
{
    this->key(key);
    m_json.append('"').append(isoTimeText(time)).append('"'); // digits and signs: no escapes
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addJson(QLatin1StringView key, const QByteArray &json)
{
    this->key(key);
    m_json.append(json);
    return *this;
}

QByteArray JsonObjectWriter::take()
{
    m_json.append('}');
    return std::move(m_json);
}

void JsonObjectWriter::key(QLatin1StringView key)
{
    if (m_json.size() > 1)
        m_json.append(',');
    m_json.append('"').append(key.data(), key.size()).append("\":");
}

void JsonObjectWriter::string(QStringView text)
{
    m_json.append('"');
    qsizetype plainFrom = 0; // the run of characters that need no escape, not yet written
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit >= 0x20 && unit != u'"' && unit != u'\\' && !QChar::isSurrogate(unit))
            continue;
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: one character, in UTF-8 like the rest
            continue;
        }
        m_json.append(text.sliced(plainFrom, i - plainFrom).toUtf8());
        plainFrom = i + 1;
        m_json.append('\\');
        switch (unit) {
        case u'"':
        case u'\\':
            m_json.append(char(unit));
            break;
        case u'\b':
            m_json.append('b');
            break;
        case u'\f':
            m_json.append('f');
            break;
        case u'\n':
            m_json.append('n');
            break;
        case u'\r':
            m_json.append('r');
            break;
        case u'\t':
            m_json.append('t');
            break;
        default: // other control characters, and a surrogate alone (as Qt writes them)
            m_json.append('u');
            for (int shift = 12; shift >= 0; shift -= 4)
                m_json.append(hexDigit((unit >> shift) & 0xf));
        }
    }
    m_json.append(text.sliced(plainFrom).toUtf8()).append('"');
}
