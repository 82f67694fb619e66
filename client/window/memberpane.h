#pragma once

#include "memberlistmodel.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class ChatConnection;
class QLabel;
class QLineEdit;
class QListView;

// "In the room": the member list and a field to find someone by the start of their name.
// In a large room it watches, through the connection, the rows in view (and some around
// them), so scrolling through 3 000 members asks for a screenful at a time.
class MemberPane final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kOverscan = 20; // rows watched above and below those in view

    explicit MemberPane(ChatConnection *connection, QWidget *parent = nullptr);
    QListView *view() const { return m_view; }

signals:
    void memberActivated(const QString &name); // Enter or a double-click on someone
    void memberMenuRequested(const QString &name, const QPoint &globalPosition);

private:
    void watchRowsInView();
    void find(const QString &text);
    void showFound(const QString &prefix, const QList<Tertulia::MemberInfo> &members);
    void showCount();

    ChatConnection *m_connection;
    QLabel *m_title;
    QLineEdit *m_search;
    QListView *m_view;
    MemberListModel m_members;
    MemberListModel m_found; // a search's answer, shown instead of the list
    QTimer m_watchTimer; // a scroll asks once it pauses
};
