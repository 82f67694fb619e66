#pragma once

#include <QtWidgets/QPlainTextEdit>

#include <functional>

class QCompleter;

// The box a message is written in: Enter sends it (submitted()), Shift+Enter starts a new
// line, and it grows with its lines up to kMaxLines before it scrolls.
class MessageInput final : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 6;

    explicit MessageInput(QWidget *parent = nullptr);

    QString text() const { return toPlainText(); }
    // The files (not folders) on this computer that a paste or a drop carries.
    static QStringList localFiles(const QMimeData *data);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    // While its popup shows, the keys that choose from it (Enter, Tab, Esc) are the popup's.
    void setCompleter(QCompleter *completer) { m_completer = completer; }
    // Tab (with no popup up) asks this first: true when it completed something, or will once
    // the host answers, and the focus stays; otherwise Tab moves on as usual.
    void setTabCompletion(std::function<bool()> complete) { m_tabCompletion = std::move(complete); }

signals:
    void submitted();
    void edited(const QString &text);
    // Pasted files (copied in a file manager), or a picture (a screenshot) saved to one.
    void filesPasted(const QStringList &paths);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    int heightForLines(int lines) const;

    QCompleter *m_completer = nullptr;
    std::function<bool()> m_tabCompletion;
};
