#include "joinroomdialog.h"

#include "joinaddress.h"
#include "roomdirectory.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Column { Name, Host, Members, Notes };
enum Role { AddressRole = Qt::UserRole, FingerprintRole, RoomRole };

} // namespace

JoinRoomDialog::JoinRoomDialog(QWidget *parent)
    : QDialog(parent),
      m_directory(new RoomDirectory(this)),
      m_list(new QTreeWidget(this)),
      m_address(new QLineEdit(this)),
      m_status(new QLabel(this)),
      m_addressProblem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"joinRoomDialog"_s);
    setWindowTitle(tr("Join a room on this network"));
    m_list->setObjectName(u"roomList"_s);
    m_list->setHeaderLabels({tr("Room"), tr("Host"), tr("Members"), tr("Notes")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_address->setObjectName(u"roomAddress"_s);
    m_address->setPlaceholderText(
            tr("Or type the address the host shows: http://192.168.1.20:8080/"));
    m_addressProblem->setObjectName(u"addressProblem"_s);
    m_addressProblem->setWordWrap(true);
    m_addressProblem->hide();
    m_status->setObjectName(u"discoveryStatus"_s);
    m_status->setWordWrap(true);
    auto *warning = new QLabel(tr("Anyone on this network can announce a room under any name: "
                                  "join the ones you expect. Nothing is sent to a room until you "
                                  "join it."),
                               this);
    warning->setWordWrap(true);
    m_join = m_buttons->addButton(tr("Join"), QDialogButtonBox::AcceptRole);
    m_join->setObjectName(u"joinButton"_s);
    m_join->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_address);
    layout->addWidget(m_addressProblem);
    layout->addWidget(warning);
    layout->addWidget(m_buttons);
    resize(620, 420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &JoinRoomDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &JoinRoomDialog::reject);
    connect(m_directory, &RoomDirectory::changed, this, &JoinRoomDialog::showRooms);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (!m_list->selectedItems().isEmpty())
            m_address->clear();
        updateJoinButton();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        m_list->setCurrentItem(item);
        item->setSelected(true);
        accept();
    });
    connect(m_address, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_list->clearSelection();
        m_addressProblem->hide();
        updateJoinButton();
    });
    m_directory->start();
    showRooms();
}

void JoinRoomDialog::setOwnRoom(const QString &announcementId)
{
    m_ownRoom = announcementId;
    showRooms();
}

int JoinRoomDialog::roomCount() const
{
    return m_list->topLevelItemCount();
}

void JoinRoomDialog::showRooms()
{
    const QString selected = m_list->currentItem() && m_list->currentItem()->isSelected()
                                     ? m_list->currentItem()->data(Name, AddressRole).toString()
                                     : QString();
    m_list->clear();
    for (const FoundRoom &found : m_directory->rooms()) {
        const RoomAnnouncement &room = found.announcement;
        QStringList notes;
        if (room.locked)
            notes.append(tr("🚫 locked"));
        if (room.password)
            notes.append(tr("🔑 password"));
        if (room.tls)
            notes.append(tr("🔒 encrypted"));
        if (room.id == m_ownRoom)
            notes.prepend(tr("yours, open in this window"));
        // Where it is, as well as what it calls itself: two rooms may share a name.
        const QString where = u"%1:%2"_s.arg(found.address.toString()).arg(room.port);
        const QString host = room.host.isEmpty() ? where : u"%1 (%2)"_s.arg(room.host, where);
        auto *item = new QTreeWidgetItem(
                m_list, {room.room, host, QString::number(room.members), notes.join(u"  "_s)});
        item->setToolTip(Name, found.pageUrl().toString());
        item->setData(Name, AddressRole, found.pageUrl().toString());
        item->setData(Name, FingerprintRole, room.fingerprint);
        item->setData(Name, RoomRole, room.room);
        item->setTextAlignment(Members, Qt::AlignRight | Qt::AlignVCenter);
        if (room.id == m_ownRoom)
            item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
        else if (item->data(Name, AddressRole).toString() == selected)
            item->setSelected(true);
    }
    for (int column : {Host, Members, Notes})
        m_list->resizeColumnToContents(column);
    QStringList status;
    if (roomCount() == 0)
        status.append(tr("No room has announced itself on this network yet; this list fills in "
                         "as rooms start."));
    if (!m_directory->beaconProblem().isEmpty())
        status.append(tr("Tertulia's own announcements cannot be heard here: %1")
                              .arg(m_directory->beaconProblem()));
    if (!m_directory->avahiProblem().isEmpty())
        status.append(tr("Avahi is not running, so only Tertulia's own announcements are "
                         "heard (%1).")
                              .arg(m_directory->avahiProblem()));
    m_status->setText(status.join(u' '));
    m_status->setVisible(!status.isEmpty());
    updateJoinButton();
}

void JoinRoomDialog::updateJoinButton()
{
    m_join->setEnabled(!m_address->text().trimmed().isEmpty()
                       || !m_list->selectedItems().isEmpty());
}

void JoinRoomDialog::accept()
{
    if (!m_address->text().trimmed().isEmpty()) {
        const std::optional<QUrl> address = JoinAddress::parse(m_address->text());
        if (!address) {
            m_addressProblem->setText(JoinAddress::problemWith(m_address->text().trimmed()));
            m_addressProblem->show();
            return;
        }
        m_choice = {*address, QString(), QString()};
    } else if (const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
               !selected.isEmpty()) {
        const QTreeWidgetItem *item = selected.constFirst();
        m_choice = {QUrl(item->data(Name, AddressRole).toString()),
                    item->data(Name, FingerprintRole).toString(),
                    item->data(Name, RoomRole).toString()};
    } else {
        return;
    }
    QDialog::accept();
}
