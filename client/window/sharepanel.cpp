#include "sharepanel.h"

#include "qrcodewidget.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtNetwork/QHostAddress>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

SharePanel::SharePanel(QWidget *parent)
    : QWidget(parent),
      m_addresses(new QListWidget(this)),
      m_qrCode(new QrCodeWidget(this)),
      m_reach(new QLabel(this)),
      m_warning(new QLabel(this))
{
    m_addresses->setObjectName(u"shareAddresses"_s);
    m_addresses->setAccessibleName(tr("Addresses to share"));
    m_qrCode->setObjectName(u"shareQrCode"_s);
    m_reach->setObjectName(u"shareReach"_s);
    m_warning->setObjectName(u"shareWarning"_s);
    m_warning->setWordWrap(true);
    m_warning->hide();
    m_addresses->setMaximumHeight(110);
    m_qrCode->setFixedSize(170, 170); // scannable from a phone held at arm's length

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Invite people — open one of these in a browser:"), this));
    left->addWidget(m_addresses, 1);
    left->addWidget(m_warning);
    left->addWidget(m_reach);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(left, 1);
    layout->addWidget(m_qrCode);
    connect(m_addresses, &QListWidget::currentRowChanged, this, &SharePanel::onSelectionChanged);
    setReach(0, 0);
}

void SharePanel::setAddresses(const QList<QUrl> &addresses)
{
    m_addresses->clear();
    for (const QUrl &address : addresses)
        addRow(address);
    m_addresses->setCurrentRow(0);
    // Only loopback: nobody else can reach this machine's room.
    const bool onlyLoopback
            = std::all_of(addresses.cbegin(), addresses.cend(),
                          [](const QUrl &url) { return QHostAddress(url.host()).isLoopback(); });
    m_warning->setText(tr("Only this computer can open these addresses: it is not connected to "
                          "a network, or the room listens on a loopback address only. Connect "
                          "to Wi-Fi or a cable, or start without --bind 127.0.0.1."));
    m_warning->setVisible(onlyLoopback);
}

void SharePanel::setReach(int visitors, int members)
{
    // Two sentences, not "%n device(s)": English has no translation file to pick the plural.
    const QString opened
            = visitors == 1 ? tr("Opened on 1 device") : tr("Opened on %1 devices").arg(visitors);
    m_reach->setText(opened + u" · "_s + tr("In the room: %1").arg(members));
}

QUrl SharePanel::selectedAddress() const
{
    const QListWidgetItem *item = m_addresses->currentItem();
    return item ? item->data(Qt::UserRole).toUrl() : QUrl();
}

void SharePanel::addRow(const QUrl &address)
{
    auto *item = new QListWidgetItem(m_addresses);
    item->setData(Qt::UserRole, address);
    auto *row = new QWidget(m_addresses);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 0, 4, 0);
    auto *label = new QLabel(address.toString(), row);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *copy = new QToolButton(row);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy %1").arg(address.toString()));
    connect(copy, &QToolButton::clicked, this, [address, copy] {
        QGuiApplication::clipboard()->setText(address.toString());
        copy->setText(tr("Copied"));
    });
    layout->addWidget(label, 1);
    layout->addWidget(copy);
    item->setSizeHint(row->sizeHint());
    m_addresses->setItemWidget(item, row);
}

void SharePanel::onSelectionChanged()
{
    m_qrCode->setText(selectedAddress().toString());
}
