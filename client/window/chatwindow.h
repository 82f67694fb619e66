#pragma once

#include "chatconnection.h"

#include <QtCore/QHash>
#include <QtWidgets/QMainWindow>

class QTimer;

class ConversationTabs;
class ConversationView;
class QLabel;
class MessageInput;
class MemberPane;
class QMenu;
class QPushButton;
class RoomTray;
class ShareBar;
class StopBar;

// The native chat window: messages, who is here, the input line and the connection state.
// Talks to the room only through the ChatConnection it is given (not owned).
class ChatWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit ChatWindow(ChatConnection *connection, QWidget *parent = nullptr);

    // hosting: this process hosts the room (the bar says so; RoomControls asks on closing).
    void setShareAddress(const QUrl &address, bool hosting);
    RoomTray *tray() const { return m_tray; }
    // Hosting: controls at the end of the address bar (RoomControls'). The window takes them.
    void addHostingControls(QWidget *controls);
    // What the conversation says while nobody has said anything.
    void setEmptyHint(const QString &hint);
    void setCertificateFingerprint(const QString &fingerprint);
    // A line in the conversation that is nobody's message.
    void addNotice(const QString &text);

signals:
    // A member's context menu is about to open: others may add their actions to it.
    void memberMenuAboutToShow(const QString &name, QMenu *menu);
    // "Join a room on this network…": the session shows the rooms and opens the one chosen.
    void joinAnotherRoomRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void sendInput();
    void onHistory(const QList<Tertulia::ChatMessage> &messages, ChatConnection::HistoryKind kind,
                   bool hasMore);
    void onPresenceChanged(const QStringList &joined, const QStringList &left, int others);
    void onStateChanged(ChatConnection::State state);
    void onNameRefused(const QString &reason);
    void onPasswordRefused(const QString &reason);
    void onError(const QString &code, const QString &reason);
    // The host said to stop: say why where the input was, and offer one deliberate try again.
    void onStopped(const QString &code, const QString &reason);
    void onTyping(const QString &name);
    void showTypists();
    void showAbout();
    void showMemberMenu(const QString &name, const QPoint &globalPosition);
    // Direct messages: the member the input line now writes to privately; empty: the room.
    void setRecipient(const QString &name);

    ChatConnection *m_connection;
    ShareBar *m_shareBar;
    ConversationView *m_conversation;
    ConversationTabs *m_tabs;
    MemberPane *m_members;
    MessageInput *m_input;
    QPushButton *m_sendButton;
    QLabel *m_stateLabel;
    QLabel *m_typingLabel;
    QWidget *m_recipientBar;
    QLabel *m_recipientLabel;
    StopBar *m_stopBar;
    QString m_recipient;
    QHash<QString, qint64> m_typists; // name → when the notice goes stale (ms since epoch)
    QTimer *m_typingTimer;
    bool m_shareTyping = true;
    RoomTray *m_tray;
};
