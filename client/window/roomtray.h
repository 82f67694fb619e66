#pragma once

#include "serverevent.h"

#include <QtCore/QObject>
#include <QtGui/QIcon>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

// The window's presence in the system tray: the unread count on the icon (and in the window
// title), a notification for what arrives while the window is not in front, and a way back
// to it. Counts only while the window is hidden, minimised or not active.
class RoomTray final : public QObject
{
    Q_OBJECT

public:
    explicit RoomTray(QWidget *window);

    // Shows the icon when the desktop has a tray; false when it has none.
    bool show();
    static bool isAvailable();
    // A live message from someone else; mentionsYou: it @mentions you.
    void countMessage(const Tertulia::ChatMessage &message, bool mentionsYou);
    int unreadCount() const { return m_unread; }
    QIcon currentIcon() const;
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    // Tells the person, from the tray, something they should know (e.g. the room is still open).
    void notify(const QString &title, const QString &text);
    // Brings the window back, in front.
    void raiseWindow();

signals:
    // A notification was shown (or would have been, on a desktop without notifications).
    void notified(const QString &title, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool windowInFront() const;
    void setUnread(int count);

    QWidget *m_window;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QIcon m_baseIcon;
    QString m_baseTitle;
    int m_unread = 0;
    qint64 m_lastNotifiedMs = 0;
};
