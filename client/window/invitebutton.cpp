#include "invitebutton.h"

#include "sharepanel.h"

#include <QtWidgets/QFrame>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

InviteButton::InviteButton(QWidget *parent)
    : QToolButton(parent), m_popup(new QFrame(this, Qt::Popup)), m_panel(new SharePanel(m_popup))
{
    setObjectName(u"inviteButton"_s);
    setText(tr("Invite…"));
    setToolTip(tr("Every address of the room, with a QR code for phones"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_popup->setObjectName(u"invitePopup"_s);
    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_panel);
    m_popup->resize(560, 230);
    connect(this, &QToolButton::clicked, this, &InviteButton::showPanel);
}

void InviteButton::setAddresses(const QList<QUrl> &addresses)
{
    m_panel->setAddresses(addresses);
}

void InviteButton::setReach(int visitors, int members)
{
    m_panel->setReach(visitors, members);
}

void InviteButton::showPanel()
{
    // Under the button, its right edge on the button's: the popup grows into the window.
    const QPoint corner = mapToGlobal(QPoint(width(), height()));
    m_popup->move(corner.x() - m_popup->width(), corner.y());
    m_popup->show();
}
