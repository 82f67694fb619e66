#pragma once

#include <QtCore/QObject>
#include <QtCore/QStringList>

class ChatWindow;
class QAction;
class QMenu;

// What only the person hosting the room sees in its window: the Room menu (lock, password,
// blocked devices) and "Remove" in each member's menu. Owned by the desktop session and wired
// by it to the host; the window itself knows nothing of hosting beyond sharing its address.
class RoomControls final : public QObject
{
    Q_OBJECT

public:
    explicit RoomControls(ChatWindow *window);

    void setPasswordSet(bool set);
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

private:
    void askForPassword();
    void addMemberActions(const QString &name, QMenu *menu);

    ChatWindow *m_window;
    QAction *m_setPassword;
    QAction *m_removePassword;
    QMenu *m_blocked;
};
