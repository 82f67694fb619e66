#include "conversationtabs.h"

using namespace Qt::StringLiterals;

ConversationTabs::ConversationTabs(QWidget *parent) : QTabBar(parent)
{
    setObjectName(u"conversationTabs"_s);
    setDocumentMode(true);
    setExpanding(false);
    setAccessibleName(tr("Conversations"));
    addTab(tr("Room"));
    setTabData(0, QString());
    hide(); // until there is a second conversation
    connect(this, &QTabBar::currentChanged, this, [this](int tab) {
        if (!m_opening && tab >= 0)
            emit opened(tabData(tab).toString());
    });
}

int ConversationTabs::tabOf(const QString &partner)
{
    for (int tab = 0; tab < count(); ++tab) {
        if (tabData(tab).toString() == partner)
            return tab;
    }
    const int tab = addTab(partner);
    setTabData(tab, partner);
    setTabToolTip(tab, tr("Only you and %1 see this conversation").arg(partner));
    show();
    return tab;
}

void ConversationTabs::note(const Tertulia::ChatMessage &message, const QString &ownName, bool live)
{
    const QString partner = message.partnerFor(ownName);
    const int tab = tabOf(partner);
    if (live && partner != current() && message.name != ownName) {
        ++m_unread[partner];
        relabel(tab);
    }
}

void ConversationTabs::open(const QString &partner)
{
    const int tab = tabOf(partner);
    m_unread.remove(partner);
    relabel(tab);
    m_opening = true; // the window asked: no need to tell it back
    setCurrentIndex(tab);
    m_opening = false;
}

QString ConversationTabs::current() const
{
    return currentIndex() >= 0 ? tabData(currentIndex()).toString() : QString();
}

int ConversationTabs::unreadIn(const QString &partner) const
{
    return m_unread.value(partner);
}

void ConversationTabs::relabel(int tab)
{
    const QString partner = tabData(tab).toString();
    const QString name = partner.isEmpty() ? tr("Room") : partner;
    const int unread = m_unread.value(partner);
    setTabText(tab, unread ? u"%1 (%2)"_s.arg(name).arg(unread) : name);
}
