#include "roomcontrols.h"

#include "chatwindow.h"
#include "invitebutton.h"
#include "roomtray.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

RoomControls::RoomControls(ChatWindow *window)
    : QObject(window), m_window(window), m_invite(new InviteButton), m_state(new QLabel)
{
    auto *controls = new QWidget;
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    m_state->setObjectName(u"roomState"_s);
    row->addWidget(m_state);
    row->addWidget(m_invite);
    window->addHostingControls(controls);
    window->setEmptyHint(tr("Nobody else is here yet. Share the address above — Invite… shows "
                            "every address, with a QR code for phones."));
    auto *room = new QMenu(tr("&Room"), window);
    room->setObjectName(u"roomMenu"_s);
    // After the window's own first menu (Tertulia), before Settings.
    window->menuBar()->insertMenu(window->menuBar()->actions().value(1), room);
    m_lock = room->addAction(tr("Lock the room to newcomers"));
    m_lock->setObjectName(u"lockRoomAction"_s);
    m_lock->setCheckable(true);
    connect(m_lock, &QAction::toggled, this, &RoomControls::lockRequested);
    connect(m_lock, &QAction::toggled, this, &RoomControls::showState);
    room->addSeparator();
    m_setPassword = room->addAction(tr("Set room password…"), this, &RoomControls::askForPassword);
    m_setPassword->setObjectName(u"setPasswordAction"_s);
    m_removePassword = room->addAction(tr("Remove the room password"), this,
                                       [this] { emit passwordChosen({}); });
    m_removePassword->setObjectName(u"removePasswordAction"_s);
    m_blocked = room->addMenu(tr("Blocked devices"));
    m_blocked->setObjectName(u"blockedMenu"_s);
    room->addSeparator();
    QAction *end = room->addAction(tr("End the room for everyone…"), this, [this] {
        if (confirmEnd())
            emit endRoomRequested();
    });
    end->setObjectName(u"endRoomAction"_s);
    setPasswordSet(false);
    setBlockedAddresses({});
    connect(window, &ChatWindow::memberMenuAboutToShow, this, &RoomControls::addMemberActions);
    window->installEventFilter(this);
}

bool RoomControls::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close)
        return false;
    if (!confirmClose()) {
        event->ignore(); // an eaten close event still counts as accepted
        return true;
    }
    emit endRoomRequested();
    return false;
}

bool RoomControls::confirmEnd()
{
    if (m_ending)
        return true;
    QMessageBox box(QMessageBox::Warning, tr("End the room?"),
                    tr("Everyone in the room is told it has ended and can no longer chat in "
                       "it. What was said stays in this computer's history."),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(u"endRoomDialog"_s);
    QPushButton *end = box.addButton(tr("End the room for everyone"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    m_ending = box.clickedButton() == end;
    return m_ending;
}

bool RoomControls::confirmClose()
{
    if (m_ending)
        return true;
    // Without a tray there is nowhere to keep it: ending or staying are the choices.
    const bool tray = RoomTray::isAvailable();
    QMessageBox box(QMessageBox::Question, tr("End the room?"),
                    tray ? tr("This window hosts the room: people on the network are chatting "
                              "in it.\nKeep it open in the tray, or end it for everyone?")
                         : tr("This window hosts the room: people on the network are chatting "
                              "in it.\nClosing it ends the room for everyone."),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(u"closeWhileHostingDialog"_s);
    QPushButton *keep
            = tray ? box.addButton(tr("Keep it open in the tray"), QMessageBox::AcceptRole)
                   : nullptr;
    QPushButton *end = box.addButton(tr("End the room for everyone"), QMessageBox::DestructiveRole);
    QPushButton *stay = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep ? keep : stay);
    box.exec();
    if (keep && box.clickedButton() == keep) {
        m_window->hide();
        m_window->tray()->notify(
                tr("The room is still open"),
                tr("Tertulia keeps hosting from the tray. Click the icon to open the window."));
        return false;
    }
    m_ending = box.clickedButton() == end;
    return m_ending;
}

void RoomControls::setShareAddresses(const QList<QUrl> &addresses)
{
    m_invite->setAddresses(addresses);
}

void RoomControls::setReach(int visitors, int members)
{
    m_invite->setReach(visitors, members);
}

void RoomControls::showState()
{
    QStringList state;
    if (m_lock->isChecked())
        state.append(u"🔒 "_s + tr("Locked"));
    if (m_passwordSet)
        state.append(u"🔑 "_s + tr("Password required"));
    if (m_encrypted)
        state.append(u"🔐 "_s + tr("Encrypted (HTTPS)"));
    m_state->setText(state.join(u" · "_s));
    m_state->setVisible(!state.isEmpty());
}

void RoomControls::setEncrypted(bool encrypted)
{
    m_encrypted = encrypted;
    showState();
}

void RoomControls::setPasswordSet(bool set)
{
    m_passwordSet = set;
    m_setPassword->setText(set ? tr("Change the room password…") : tr("Set a room password…"));
    m_removePassword->setEnabled(set);
    showState();
}

void RoomControls::setBlockedAddresses(const QStringList &addresses)
{
    m_blocked->clear();
    m_blocked->setEnabled(!addresses.isEmpty());
    for (const QString &address : addresses) {
        QAction *unblock
                = m_blocked->addAction(tr("Let %1 in again").arg(address), this,
                                       [this, address] { emit unblockRequested(address); });
        unblock->setObjectName(u"unblock:"_s + address);
    }
}

void RoomControls::notePasswordGuesses(const QString &address, int failures)
{
    m_window->addNotice(tr("Wrong room password from %1 (%2 in a row)").arg(address).arg(failures));
}

void RoomControls::noteProblem(const QString &problem)
{
    m_window->addNotice(problem);
}

void RoomControls::addMemberActions(const QString &name, QMenu *menu)
{
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove %1 from the room").arg(name), this,
                                      [this, name] { emit removeRequested(name, false); });
    remove->setObjectName(u"removeMemberAction"_s);
    QAction *block = menu->addAction(tr("Remove %1 and block their device").arg(name), this,
                                     [this, name] { emit removeRequested(name, true); });
    block->setObjectName(u"removeAndBlockAction"_s);
}

void RoomControls::askForPassword()
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"roomPasswordDialog"_s);
    dialog->setWindowTitle(tr("Room password"));
    dialog->setLabelText(tr("People who join from now on must give this password; it stays "
                            "set when the room restarts.\nLeave it empty to let anyone on the "
                            "network join."));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, &RoomControls::passwordChosen);
    dialog->open();
}
