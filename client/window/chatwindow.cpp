#include "chatwindow.h"

#include "messagedelegate.h"
#include "sharebar.h"

#include <QtCore/QSettings>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QVBoxLayout>

#include "protocollimits.h"

using namespace Qt::StringLiterals;

ChatWindow::ChatWindow(ChatConnection *connection, QWidget *parent)
    : QMainWindow(parent),
      m_connection(connection),
      m_shareBar(new ShareBar(this)),
      m_messageList(new QListWidget(this)),
      m_memberList(new QListWidget(this)),
      m_input(new QLineEdit(this)),
      m_sendButton(new QPushButton(tr("Send"), this)),
      m_stateLabel(new QLabel(this))
{
    setWindowTitle(tr("Tertulia"));
    m_messageList->setObjectName(u"messageList"_s);
    m_messageList->setItemDelegate(new MessageDelegate(m_messageList));
    m_messageList->setResizeMode(QListView::Adjust); // re-wrap messages when resized
    m_messageList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messageList->setSelectionMode(QAbstractItemView::NoSelection);
    m_messageList->setFocusPolicy(Qt::NoFocus);
    m_messageList->setAccessibleName(tr("Messages"));
    m_memberList->setObjectName(u"memberList"_s);
    m_memberList->setAccessibleName(tr("People in the room"));
    m_input->setObjectName(u"messageInput"_s);
    m_input->setPlaceholderText(tr("Write a message and press Enter"));
    m_input->setMaxLength(Tertulia::Limits::kMaxMessageLength);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_stateLabel->setObjectName(u"connectionState"_s);

    auto *members = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(members);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->addWidget(new QLabel(tr("In the room"), members));
    membersLayout->addWidget(m_memberList);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_messageList);
    splitter->addWidget(members);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_shareBar);
    layout->addWidget(splitter, 1);
    layout->addLayout(inputRow);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_stateLabel);

    connect(m_input, &QLineEdit::returnPressed, this, &ChatWindow::sendInput);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatWindow::sendInput);
    connect(m_connection, &ChatConnection::messageReceived, this, &ChatWindow::onMessageReceived);
    connect(m_connection, &ChatConnection::messageAcknowledged, this, &ChatWindow::onAcknowledged);
    connect(m_connection, &ChatConnection::presenceChanged, this, &ChatWindow::onPresenceChanged);
    connect(m_connection, &ChatConnection::membersChanged, this, &ChatWindow::onMembersChanged);
    connect(m_connection, &ChatConnection::stateChanged, this, &ChatWindow::onStateChanged);
    connect(m_connection, &ChatConnection::nameRefused, this, &ChatWindow::onNameRefused);
    connect(m_connection, &ChatConnection::errorReceived, this, &ChatWindow::onError);
    onStateChanged(m_connection->state());

    resize(760, 520);
    restoreGeometry(QSettings().value(u"window/geometry"_s).toByteArray());
    m_input->setFocus();
}

void ChatWindow::setShareAddress(const QUrl &address, bool hosting)
{
    m_shareBar->setAddress(address, hosting);
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(u"window/geometry"_s, saveGeometry());
    QMainWindow::closeEvent(event);
}

void ChatWindow::sendInput()
{
    const QString text = m_input->text();
    if (text.trimmed().isEmpty())
        return;
    const QString clientId = m_connection->send(text);
    if (clientId.isEmpty()) {
        statusBar()->showMessage(tr("Not connected: your message was not sent."), 5000);
        return;
    }
    m_input->clear();
    QListWidgetItem *item
            = appendMessage(m_connection->name(), text, QDateTime::currentDateTimeUtc(), true);
    item->setData(MessageDelegate::PendingRole, true);
    item->setToolTip(tr("Sending…"));
    m_pendingOwn.insert(clientId, item);
}

void ChatWindow::onMessageReceived(qint64, const QString &name, const QString &text,
                                   const QDateTime &time)
{
    appendMessage(name, text, time, false);
}

void ChatWindow::onAcknowledged(const QString &clientId, qint64, const QDateTime &time)
{
    QListWidgetItem *item = m_pendingOwn.take(clientId);
    if (!item)
        return;
    item->setData(MessageDelegate::PendingRole, false);
    item->setToolTip(tr("Sent at %1").arg(QLocale().toString(time.toLocalTime().time())));
}

void ChatWindow::onPresenceChanged(const QStringList &joined, const QStringList &left)
{
    for (const QString &name : joined) {
        if (name != m_connection->name())
            appendNotice(tr("%1 joined").arg(name));
    }
    for (const QString &name : left)
        appendNotice(tr("%1 left").arg(name));
}

void ChatWindow::onMembersChanged(const QList<Tertulia::MemberInfo> &members)
{
    m_memberList->clear();
    for (const Tertulia::MemberInfo &member : members) {
        auto *item = new QListWidgetItem(member.name, m_memberList);
        item->setToolTip(tr("Here since %1")
                                 .arg(QLocale().toString(member.since.toLocalTime().time(),
                                                         QLocale::ShortFormat)));
        if (member.name == m_connection->name()) {
            item->setText(tr("%1 (you)").arg(member.name));
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
}

void ChatWindow::onStateChanged(ChatConnection::State state)
{
    switch (state) {
    case ChatConnection::State::Disconnected:
        m_stateLabel->setText(tr("Disconnected"));
        break;
    case ChatConnection::State::Connecting:
        m_stateLabel->setText(tr("Connecting…"));
        break;
    case ChatConnection::State::Connected:
        m_stateLabel->setText(tr("Connected as %1").arg(m_connection->name()));
        break;
    case ChatConnection::State::Reconnecting:
        m_stateLabel->setText(tr("Connection lost — reconnecting…"));
        break;
    }
    m_sendButton->setEnabled(state == ChatConnection::State::Connected);
}

void ChatWindow::onNameRefused(const QString &reason)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Choose another name"));
    dialog->setLabelText(tr("%1\nWhat name should others see?").arg(reason));
    dialog->setTextValue(m_connection->name());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        m_connection->open(m_connection->address(), name.trimmed());
    });
    dialog->open();
}

void ChatWindow::onError(const QString &, const QString &reason)
{
    statusBar()->showMessage(reason, 8000);
}

QListWidgetItem *ChatWindow::appendMessage(const QString &name, const QString &text,
                                           const QDateTime &time, bool own)
{
    const bool atBottom = isAtBottom();
    const QString stamp = QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
    // The display text is what screen readers and copy see; the delegate paints the roles.
    auto *item = new QListWidgetItem(u"%1  %2: %3"_s.arg(stamp, name, text));
    item->setData(MessageDelegate::KindRole,
                  own ? MessageDelegate::OwnMessage : MessageDelegate::Message);
    item->setData(MessageDelegate::NameRole, name);
    item->setData(MessageDelegate::TextRole, text);
    item->setData(MessageDelegate::TimeRole, time);
    m_messageList->addItem(item);
    if (own || atBottom)
        m_messageList->scrollToBottom();
    return item;
}

void ChatWindow::appendNotice(const QString &text)
{
    const bool atBottom = isAtBottom();
    auto *item = new QListWidgetItem(text);
    item->setData(MessageDelegate::KindRole, MessageDelegate::Notice);
    m_messageList->addItem(item);
    if (atBottom)
        m_messageList->scrollToBottom();
}

bool ChatWindow::isAtBottom() const
{
    // Someone reading back up the list is not yanked down by new messages.
    const QScrollBar *bar = m_messageList->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}
