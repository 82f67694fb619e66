#pragma once

#include "serverevent.h"

#include <QtWidgets/QTabBar>

// The conversations of the window: the room, and one per person written to privately or heard
// from that way, each counting what arrived while another was shown. Hidden while the room is
// the only one. Choosing a tab says so (opened); the window shows that conversation.
class ConversationTabs final : public QTabBar
{
    Q_OBJECT

public:
    explicit ConversationTabs(QWidget *parent = nullptr);

    // A message shown: its conversation gets a tab, and counts it if live, from someone
    // else, and not the one shown.
    void note(const Tertulia::ChatMessage &message, const QString &ownName, bool live);
    // Shows that conversation's tab as current, read.
    void open(const QString &partner);
    QString current() const;
    int unreadIn(const QString &partner) const;

signals:
    void opened(const QString &partner);

private:
    int tabOf(const QString &partner);
    void relabel(int tab);

    QHash<QString, int> m_unread; // partner → messages not seen yet
    bool m_opening = false;
};
