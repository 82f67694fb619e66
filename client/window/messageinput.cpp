#include "messageinput.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QTextBlock>

MessageInput::MessageInput(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        updateGeometry(); // a line more or less: the box follows
        emit edited(toPlainText());
    });
}

int MessageInput::heightForLines(int lines) const
{
    const int margins = int(document()->documentMargin() * 2) + frameWidth() * 2
                        + contentsMargins().top() + contentsMargins().bottom();
    return lines * fontMetrics().lineSpacing() + margins;
}

QSize MessageInput::sizeHint() const
{
    // Visual lines, wrapped ones included.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    return QSize(QPlainTextEdit::sizeHint().width(),
                 heightForLines(std::clamp(lines, 1, kMaxLines)));
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted();
        return;
    }
    if (enter) { // Shift+Enter: a new line, not a new paragraph separator
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}
