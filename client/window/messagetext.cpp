#include "messagetext.h"

#include <QtGui/QPainter>
#include <QtGui/QTextOption>

MessageText::MessageText(const QString &text, const QFont &font, int width, const QColor &linkColor)
    : m_layout(QString(text).replace(u'\n', QChar::LineSeparator), font),
      m_links(TextLinks::find(text))
{
    // QTextLayout breaks lines at U+2028, not at '\n' (same length: link offsets hold).
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout.setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    for (const TextLinks::Link &link : std::as_const(m_links)) {
        QTextCharFormat format;
        format.setFontUnderline(true);
        if (linkColor.isValid())
            format.setForeground(linkColor);
        formats.append({int(link.start), int(link.length), format});
    }
    m_layout.setFormats(formats);
    m_layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    m_layout.endLayout();
    m_height = qCeil(y);
}

void MessageText::draw(QPainter *painter, const QPointF &topLeft) const
{
    m_layout.draw(painter, topLeft);
}

QUrl MessageText::linkAt(const QPointF &point) const
{
    for (int i = 0; i < m_layout.lineCount(); ++i) {
        const QTextLine line = m_layout.lineAt(i);
        if (!line.rect().contains(point) || point.x() > line.naturalTextWidth())
            continue;
        const int position = line.xToCursor(point.x(), QTextLine::CursorOnCharacter);
        for (const TextLinks::Link &link : m_links) {
            if (position >= link.start && position < link.start + link.length)
                return link.url;
        }
    }
    return {};
}
