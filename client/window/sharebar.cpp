#include "sharebar.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

ShareBar::ShareBar(QWidget *parent)
    : QWidget(parent),
      m_caption(new QLabel(this)),
      m_address(new QLabel(this)),
      m_copyButton(new QPushButton(tr("Copy"), this))
{
    m_address->setObjectName(QStringLiteral("shareAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont addressFont = m_address->font();
    addressFont.setBold(true);
    m_address->setFont(addressFont);
    m_copyButton->setObjectName(QStringLiteral("copyAddressButton"));
    m_copyButton->setToolTip(tr("Copy the address to the clipboard"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_caption);
    layout->addWidget(m_address, 1);
    layout->addWidget(m_copyButton);
    connect(m_copyButton, &QPushButton::clicked, this, &ShareBar::copyAddress);
}

void ShareBar::setAddress(const QUrl &address, bool hosting)
{
    m_caption->setText(hosting ? tr("Invite people — open in a browser:") : tr("Room:"));
    m_address->setText(address.toString());
}

QString ShareBar::addressText() const
{
    return m_address->text();
}

void ShareBar::copyAddress()
{
    QGuiApplication::clipboard()->setText(m_address->text());
    m_copyButton->setText(tr("Copied"));
}
