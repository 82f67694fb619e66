#pragma once

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

class ChatWindow;
class QAction;
class QMenu;
class InviteButton;
class QLabel;

// What only the person hosting the room sees in its window: "Invite…" and the room's state
// (locked, password) beside the address, the Room menu (lock, password, blocked devices),
// "Remove" in each member's menu and the question on closing. Wired by the desktop session
// to the host; the window itself knows nothing of hosting beyond showing the address.
class RoomControls final : public QObject
{
    Q_OBJECT

public:
    explicit RoomControls(ChatWindow *window);

    // Every address the room is reachable at, best first.
    void setShareAddresses(const QList<QUrl> &addresses);
    void setReach(int visitors, int members); // visitors: devices that opened the page
    void setPasswordSet(bool set);
    // The room is served over HTTPS/WSS (said beside the address, with the locked state).
    void setEncrypted(bool encrypted);
    void setBlockedAddresses(const QStringList &addresses);
    // Someone keeps sending wrong room passwords: said in the conversation.
    void notePasswordGuesses(const QString &address, int failures);
    // The host could not do what was asked (e.g. keep the password on disk): said as a notice.
    void noteProblem(const QString &problem);

signals:
    void lockRequested(bool locked);
    // Empty: the room is open to anyone again.
    void passwordChosen(const QString &password);
    // block: refuse the member's device too, for the rest of this run.
    void removeRequested(const QString &name, bool block);
    void unblockRequested(const QString &address);
    // The person chose to end the room for everyone (closing the window, or the tray's Quit).
    void endRoomRequested();

protected:
    // Closing the window asks first: keep the room open in the tray, end it, or neither.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void askForPassword();
    void addMemberActions(const QString &name, QMenu *menu);
    // True: let the window close (the room ends).
    bool confirmClose();
    bool confirmEnd(); // Room › End the room for everyone…

    ChatWindow *m_window;
    void showState();

    InviteButton *m_invite;
    QLabel *m_state; // "Locked · Password required"
    QAction *m_lock;
    bool m_passwordSet = false;
    bool m_encrypted = false;
    QAction *m_setPassword;
    QAction *m_removePassword;
    QMenu *m_blocked;
    bool m_ending = false; // the person already chose to end the room
};
