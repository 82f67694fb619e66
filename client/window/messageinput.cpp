#include "messageinput.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QStandardPaths>
#include <QtGui/QImage>
#include <QtGui/QKeyEvent>
#include <QtGui/QTextBlock>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>

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
    if (m_completer && m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer's popup takes them
            return;
        default:
            break;
        }
    }
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

bool MessageInput::focusNextPrevChild(bool next)
{
    // Tab arrives here (setTabChangesFocus) before keyPressEvent: "Hola @An" and Tab completes
    // the name, as on the page, instead of leaving half a mention for the next space to send.
    if (next && m_tabCompletion && m_tabCompletion())
        return true;
    return QPlainTextEdit::focusNextPrevChild(next);
}

QStringList MessageInput::localFiles(const QMimeData *data)
{
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool MessageInput::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !localFiles(source).isEmpty()
           || QPlainTextEdit::canInsertFromMimeData(source);
}

void MessageInput::insertFromMimeData(const QMimeData *source)
{
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        emit filesPasted(files);
        return;
    }
    if (source->hasImage() && !source->hasText()) {
        // A screenshot on the clipboard has no file: it becomes one, named for when it was.
        const QImage image = qvariant_cast<QImage>(source->imageData());
        const QString directory = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        const QString path = QDir(directory).filePath(
                QStringLiteral("screenshot-%1.png")
                        .arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss")));
        if (!image.isNull() && image.save(path, "PNG")) {
            emit filesPasted({path});
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}
