#pragma once

#include "textlinks.h"

#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QTextLayout>

class QPainter;

// A message's text laid out for a width: wrapped at word boundaries, or anywhere in a word too
// long for the line (a long URL, a 400-letter word), with its links underlined in the link
// colour. Knows where each link is, for a click. Laid out once, drawn and asked many times.
class MessageText final
{
public:
    MessageText(const QString &text, const QFont &font, int width, const QColor &linkColor = {});

    int height() const { return m_height; }
    void draw(QPainter *painter, const QPointF &topLeft) const;
    // The link at `point` (relative to the text's top left), if any.
    QUrl linkAt(const QPointF &point) const;

private:
    QTextLayout m_layout;
    QList<TextLinks::Link> m_links;
    int m_height = 0;
};
