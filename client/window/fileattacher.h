#pragma once

#include <QtCore/QObject>
#include <QtCore/QStringList>

#include <functional>

class ChatConnection;
class ConversationView;
class MessageInput;
class QToolButton;
class QWidget;

// Files into the room from the window: the attach button (a file dialog), files dropped onto
// the conversation or the message box, and files or a screenshot pasted into it. Each goes to
// whoever the window writes to now, shows as it uploads, and turns into the file once stored.
class FileAttacher final : public QObject
{
    Q_OBJECT

public:
    // recipient: whom the window writes to now (empty: the room).
    FileAttacher(ChatConnection *connection, ConversationView *conversation, MessageInput *input,
                 std::function<QString()> recipient, QWidget *parent);

    QToolButton *button() const { return m_button; }
    void send(const QStringList &paths);

signals:
    // Someone else's upload, as a line for the status bar ("Ana is sending video.mp4 — 45%").
    void othersUpload(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();

    ChatConnection *m_connection;
    ConversationView *m_conversation;
    std::function<QString()> m_recipient;
    QToolButton *m_button;
};
