#include "sharebar.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

ShareBar::ShareBar(QWidget *parent)
    : QWidget(parent),
      m_caption(new QLabel(this)),
      m_address(new QLabel(this)),
      m_copyButton(new QPushButton(tr("Copy"), this)),
      m_fingerprint(new QLabel(this))
{
    m_fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->hide();
    m_address->setObjectName(QStringLiteral("shareAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont addressFont = m_address->font();
    addressFont.setBold(true);
    m_address->setFont(addressFont);
    m_copyButton->setObjectName(QStringLiteral("copyAddressButton"));
    m_copyButton->setToolTip(tr("Copy the address to the clipboard"));

    m_row = new QHBoxLayout;
    QHBoxLayout *row = m_row;
    row->addWidget(m_caption);
    row->addWidget(m_address, 1);
    row->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(row);
    layout->addWidget(m_fingerprint);
    connect(m_copyButton, &QPushButton::clicked, this, &ShareBar::copyAddress);
}

void ShareBar::setAddress(const QUrl &address, bool hosting)
{
    m_caption->setText(hosting ? tr("Open in a browser to join:") : tr("Room:"));
    m_address->setText(address.toString());
}

QString ShareBar::addressText() const
{
    return m_address->text();
}

void ShareBar::addTrailingWidget(QWidget *widget)
{
    m_row->addWidget(widget);
}

void ShareBar::setFingerprint(const QString &fingerprint)
{
    m_fingerprint->setText(tr("Certificate fingerprint (SHA-256): %1").arg(fingerprint));
    m_fingerprint->setVisible(!fingerprint.isEmpty());
}

void ShareBar::copyAddress()
{
    QGuiApplication::clipboard()->setText(m_address->text());
    m_copyButton->setText(tr("Copied"));
}
