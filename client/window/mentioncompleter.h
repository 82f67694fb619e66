#pragma once

#include <QtCore/QObject>
#include <QtCore/QStringListModel>

class ChatConnection;
class MessageInput;
class QCompleter;

// @mentions in the message box: typing "@be" asks the host for members whose name starts with
// "be" (a search: it works in a room of any size) and offers them in a popup; Enter or Tab
// writes "@Name ", Esc closes it. Mirrors the page's MentionPicker (mentions.js).
class MentionCompleter final : public QObject
{
    Q_OBJECT

public:
    MentionCompleter(ChatConnection *connection, MessageInput *input, QObject *parent = nullptr);
    QCompleter *completer() const { return m_completer; }

private:
    // The "@word" ending at the cursor: its start in the text and the word; {-1, {}} if none.
    QPair<int, QString> wordAtCursor() const;
    void onEdited();
    void offer(const QString &prefix, const QStringList &names);
    void insert(const QString &name);
    bool completeNow(); // Tab: whether it took the key

    ChatConnection *m_connection;
    MessageInput *m_input;
    QCompleter *m_completer;
    QStringListModel m_names;
    QString m_asked; // the prefix asked for, while an "@word" is being typed
    QString m_shown; // the prefix whose answer m_names holds
    QString m_completeOnAnswer; // Tab came for this prefix before the host's answer
};
