#pragma once

#include "chatconnection.h"

#include <QtCore/QHash>
#include <QtWidgets/QMainWindow>

class QTimer;

class ConversationView;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class RoomTray;
class ShareBar;
class SharePanel;

// The native chat window: messages, who is here, the input line and the connection state.
// Talks to the room only through the ChatConnection it is given (not owned).
class ChatWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit ChatWindow(ChatConnection *connection, QWidget *parent = nullptr);

    // hosting: this process hosts the room, so closing the window asks whether to end it.
    void setShareAddress(const QUrl &address, bool hosting);
    RoomTray *tray() const { return m_tray; }
    // Hosting: every address the room is reachable at, best first (the share panel).
    void setShareAddresses(const QList<QUrl> &addresses);
    void setReach(int pageLoads, int members);
    void setCertificateFingerprint(const QString &fingerprint);
    // A line in the conversation that is nobody's message.
    void addNotice(const QString &text);

signals:
    // A member's context menu is about to open: others may add their actions to it.
    void memberMenuAboutToShow(const QString &name, QMenu *menu);
    // Hosting: the person chose to end the room for everyone (closing the window, or the tray).
    void endRoomRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void sendInput();
    void onHistory(const QList<Tertulia::ChatMessage> &messages, ChatConnection::HistoryKind kind,
                   bool hasMore);
    void onPresenceChanged(const QStringList &joined, const QStringList &left);
    void onMembersChanged(const QList<Tertulia::MemberInfo> &members);
    void onStateChanged(ChatConnection::State state);
    void onNameRefused(const QString &reason);
    void onPasswordRefused(const QString &reason);
    void onError(const QString &code, const QString &reason);
    // The host said to stop: say why where the input was, and offer one deliberate try again.
    void onStopped(const QString &code, const QString &reason);
    void onTyping(const QString &name);
    void showTypists();
    void showAbout();
    void showMemberMenu(const QPoint &position);
    // Hosting: keep the room open in the tray, end it, or neither. True: let the window close.
    bool confirmClose();
    // Direct messages: the member the input line now writes to privately; empty: the room.
    void setRecipient(const QString &name);

    ChatConnection *m_connection;
    ShareBar *m_shareBar;
    SharePanel *m_sharePanel;
    ConversationView *m_conversation;
    QListWidget *m_memberList;
    QLineEdit *m_input;
    QPushButton *m_sendButton;
    QLabel *m_stateLabel;
    QLabel *m_typingLabel;
    QWidget *m_recipientBar;
    QLabel *m_recipientLabel;
    QWidget *m_stopBar;
    QLabel *m_stopLabel;
    QString m_recipient;
    QHash<QString, qint64> m_typists; // name → when the notice goes stale (ms since epoch)
    QTimer *m_typingTimer;
    bool m_shareTyping = true;
    bool m_hosting = false;
    bool m_ending = false; // the person already chose to end the room
    RoomTray *m_tray;
};
