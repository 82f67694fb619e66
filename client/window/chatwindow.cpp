#include "chatwindow.h"

#include "conversationtabs.h"
#include "conversationview.h"
#include "fileattacher.h"
#include "memberpane.h"
#include "mentioncompleter.h"
#include "messageinput.h"
#include "roomtray.h"
#include "sharebar.h"
#include "stopbar.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

ChatWindow::ChatWindow(ChatConnection *connection, QWidget *parent)
    : QMainWindow(parent),
      m_connection(connection),
      m_shareBar(new ShareBar(this)),
      m_conversation(new ConversationView(this)),
      m_tabs(new ConversationTabs(this)),
      m_members(new MemberPane(connection, this)),
      m_input(new MessageInput(this)),
      m_sendButton(new QPushButton(tr("Send"), this)),
      m_stateLabel(new QLabel(this)),
      m_typingLabel(new QLabel(this)),
      m_recipientBar(new QWidget(this)),
      m_recipientLabel(new QLabel(m_recipientBar)),
      m_stopBar(new StopBar(this)),
      m_typingTimer(new QTimer(this))
{
    m_typingLabel->setObjectName(u"typingIndicator"_s);
    m_typingTimer->setInterval(500);
    connect(m_typingTimer, &QTimer::timeout, this, &ChatWindow::showTypists);
    m_shareTyping = QSettings().value(u"shareTyping"_s, true).toBool();
    setWindowTitle(tr("Tertulia"));
    m_tray = new RoomTray(this);
    m_tray->show();
    QAction *quit = m_tray->menu()->addAction(tr("Quit"));
    quit->setObjectName(u"trayQuitAction"_s);
    connect(quit, &QAction::triggered, this, [this] {
        m_tray->raiseWindow(); // closing asks, when hosting: the window must be there for that
        close();
    });
    m_input->setObjectName(u"messageInput"_s);
    m_input->setPlaceholderText(tr("Write a message and press Enter (Shift+Enter: new line)"));
    m_sendButton->setObjectName(u"sendButton"_s);
    m_stateLabel->setObjectName(u"connectionState"_s);

    auto *splitter = new QSplitter(this);
    // The conversation shown, under the tabs of the others (the room, one per person).
    auto *conversationPane = new QWidget(this);
    auto *paneLayout = new QVBoxLayout(conversationPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addWidget(m_tabs);
    paneLayout->addWidget(m_conversation, 1);
    connect(m_tabs, &ConversationTabs::opened, this, &ChatWindow::setRecipient);
    splitter->addWidget(conversationPane);
    splitter->addWidget(m_members);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    // Shown while writing privately to one member: who, and a way back to the whole room.
    m_recipientLabel->setObjectName(u"recipientLabel"_s);
    auto *toRoom = new QToolButton(m_recipientBar);
    toRoom->setObjectName(u"toRoomButton"_s);
    toRoom->setText(tr("Back to the room"));
    toRoom->setToolTip(tr("Write to everyone again (Esc)"));
    connect(toRoom, &QToolButton::clicked, this, [this] { setRecipient({}); });
    auto *recipientRow = new QHBoxLayout(m_recipientBar);
    recipientRow->setContentsMargins(0, 0, 0, 0);
    recipientRow->addWidget(m_recipientLabel, 1);
    recipientRow->addWidget(toRoom);
    m_recipientBar->hide();
    auto *escape = new QAction(m_input);
    escape->setShortcut(Qt::Key_Escape);
    escape->setShortcutContext(Qt::WidgetShortcut);
    connect(escape, &QAction::triggered, this, [this] { setRecipient({}); });
    m_input->addAction(escape);
    // Enter (or a double-click) on a member writes to them privately.
    connect(m_members, &MemberPane::memberActivated, this, [this](const QString &name) {
        if (name != m_connection->name())
            setRecipient(name);
    });
    connect(m_members, &MemberPane::memberMenuRequested, this, &ChatWindow::showMemberMenu);
    new MentionCompleter(m_connection, m_input, this);

    // Shown when the host said to stop, or refused the name or the password.
    connect(m_stopBar, &StopBar::tryAgainClicked, m_connection, &ChatConnection::retry);
    connect(m_stopBar, &StopBar::nameChosen, this,
            [this](const QString &name) { m_connection->open(m_connection->address(), name); });
    connect(m_stopBar, &StopBar::passwordChosen, this, [this](const QString &password) {
        m_connection->open(m_connection->address(), m_connection->name(), password);
    });

    auto *files = new FileAttacher(
            m_connection, m_conversation, m_input, [this] { return m_recipient; }, this);
    connect(files, &FileAttacher::othersUpload, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, 3000);
    });
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(files->button());
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_shareBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_typingLabel);
    layout->addWidget(m_recipientBar);
    layout->addWidget(m_stopBar);
    layout->addLayout(inputRow);
    setCentralWidget(central);
    QMenu *tertulia = menuBar()->addMenu(tr("&Tertulia"));
    QAction *findRooms = tertulia->addAction(tr("&Join a room on this network…"), this,
                                             &ChatWindow::joinAnotherRoomRequested);
    findRooms->setObjectName(u"findRoomsAction"_s);
    findRooms->setShortcut(QKeySequence(tr("Ctrl+J")));
    tertulia->addSeparator();
    QAction *quitWindow = tertulia->addAction(tr("&Quit"), this, &QWidget::close);
    quitWindow->setShortcut(QKeySequence::Quit);
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *shareTyping = settings->addAction(tr("Let others see when I'm typing"));
    shareTyping->setObjectName(u"shareTypingAction"_s);
    shareTyping->setCheckable(true);
    shareTyping->setChecked(m_shareTyping);
    connect(shareTyping, &QAction::toggled, this, [this](bool on) {
        m_shareTyping = on;
        QSettings().setValue(u"shareTyping"_s, on);
    });
    connect(m_input, &MessageInput::edited, this, [this](const QString &text) {
        if (m_shareTyping && !text.isEmpty())
            m_connection->sendTyping();
        // Over the host's length (in characters, as it counts): said while typing.
        const qsizetype over = text.toUcs4().size() - m_connection->limits().messageLength;
        m_input->setToolTip(over <= 0   ? QString()
                            : over == 1 ? tr("1 character over the room's limit")
                                        : tr("%1 characters over the room's limit").arg(over));
        m_sendButton->setEnabled(over <= 0
                                 && m_connection->state() != ChatConnection::State::Disconnected);
    });
    connect(m_connection, &ChatConnection::typingReceived, this, &ChatWindow::onTyping);
    connect(m_connection, &ChatConnection::messageReceived, this,
            [this](const Tertulia::ChatMessage &message) {
                m_tabs->note(message, m_connection->name(), true);
                m_typists.remove(message.name);
                showTypists();
                if (message.name != m_connection->name())
                    m_tray->countMessage(message, m_conversation->mentionsYou(message.text));
            });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tertulia"), this, &ChatWindow::showAbout);
    statusBar()->addPermanentWidget(m_stateLabel);

    connect(m_input, &MessageInput::submitted, this, &ChatWindow::sendInput);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatWindow::sendInput);
    connect(m_connection, &ChatConnection::messageReceived, m_conversation,
            &ConversationView::addMessage);
    connect(m_connection, &ChatConnection::historyReceived, this, &ChatWindow::onHistory);
    connect(m_connection, &ChatConnection::messageAcknowledged, m_conversation,
            &ConversationView::markSent);
    connect(m_connection, &ChatConnection::messageFailed, m_conversation,
            &ConversationView::markFailed);
    connect(m_conversation, &ConversationView::olderWanted, m_connection,
            [this](qint64 beforeId) { m_connection->requestOlderThan(beforeId); });
    connect(m_connection, &ChatConnection::joined, m_conversation, &ConversationView::setOwnName);
    connect(m_connection, &ChatConnection::presenceChanged, this, &ChatWindow::onPresenceChanged);
    connect(m_connection, &ChatConnection::stateChanged, this, &ChatWindow::onStateChanged);
    connect(m_connection, &ChatConnection::attemptFailed, this,
            [this] { onStateChanged(m_connection->state()); }); // now with the reason
    connect(m_connection, &ChatConnection::nameRefused, this, &ChatWindow::onNameRefused);
    connect(m_connection, &ChatConnection::passwordRefused, this, &ChatWindow::onPasswordRefused);
    connect(m_connection, &ChatConnection::errorReceived, this, &ChatWindow::onError);
    connect(m_connection, &ChatConnection::stopped, this, &ChatWindow::onStopped);
    onStateChanged(m_connection->state());
    setEmptyHint(tr("Nobody has written anything yet. Say hello!"));

    resize(820, 640);
    restoreGeometry(QSettings().value(u"window/geometry"_s).toByteArray());
    m_input->setFocus();
}

void ChatWindow::setShareAddress(const QUrl &address, bool hosting)
{
    m_shareBar->setAddress(address, hosting);
}

void ChatWindow::addHostingControls(QWidget *controls)
{
    m_shareBar->addTrailingWidget(controls);
}

void ChatWindow::setEmptyHint(const QString &hint)
{
    m_conversation->setEmptyHint(hint);
}

void ChatWindow::addNotice(const QString &text)
{
    m_conversation->addNotice(text);
}

void ChatWindow::setCertificateFingerprint(const QString &fingerprint)
{
    m_shareBar->setFingerprint(fingerprint);
}

void ChatWindow::showMemberMenu(const QString &name, const QPoint &globalPosition)
{
    if (name == m_connection->name())
        return;
    QMenu menu(this);
    menu.addAction(tr("Write to %1 privately").arg(name), this,
                   [this, name] { setRecipient(name); });
    emit memberMenuAboutToShow(name, &menu);
    menu.exec(globalPosition);
}

void ChatWindow::setRecipient(const QString &name)
{
    // Writing to someone privately is being in your conversation with them.
    m_tabs->open(name);
    m_conversation->setView(name);
    m_recipient = name;
    m_recipientLabel->setText(tr("Writing privately to %1: only they will see it.").arg(name));
    m_recipientBar->setVisible(!name.isEmpty());
    m_input->setPlaceholderText(
            name.isEmpty() ? tr("Write a message and press Enter (Shift+Enter: new line)")
                           : tr("Private message to %1").arg(name));
    m_input->setFocus();
}

void ChatWindow::onTyping(const QString &name)
{
    constexpr qint64 kShownMs = Tertulia::ClientPolicy::kTypingShownMs;
    m_typists.insert(name, QDateTime::currentMSecsSinceEpoch() + kShownMs);
    showTypists();
    m_typingTimer->start();
}

void ChatWindow::showTypists()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_typists.removeIf([now](const auto &entry) { return entry.value() <= now; });
    const QStringList names = m_typists.keys();
    m_typingLabel->setText(names.isEmpty()     ? QString()
                           : names.size() == 1 ? tr("%1 is typing…").arg(names.first())
                                               : tr("%1 are typing…").arg(names.join(u", "_s)));
    if (names.isEmpty())
        m_typingTimer->stop();
}

void ChatWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About Tertulia"),
            tr("<h3>Tertulia %1</h3><p>Host a chat room from your desktop; anyone on the "
               "network joins from a browser.</p><p>Built with Qt %2.</p>")
                    .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
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
    // Checked as the host checks it (its limits, in characters): said now, not after sending.
    if (const QString problem = m_connection->problemWithMessage(text); !problem.isEmpty()) {
        statusBar()->showMessage(problem, 8000);
        return;
    }
    // Queued while offline: the connection sends it as soon as the room is back.
    m_conversation->addPending(m_connection->send(text, m_recipient), text, m_recipient);
    m_input->clear();
}

void ChatWindow::onHistory(const QList<Tertulia::ChatMessage> &messages,
                           ChatConnection::HistoryKind kind, bool hasMore)
{
    if (kind == ChatConnection::HistoryKind::Older) {
        m_conversation->addOlder(messages, hasMore);
        for (const Tertulia::ChatMessage &message : messages)
            m_tabs->note(message, m_connection->name(), false);
        return;
    }
    for (const Tertulia::ChatMessage &message : messages) {
        m_conversation->addMessage(message);
        // Missed while away: new to you, counted in its conversation; the recent page is not.
        m_tabs->note(message, m_connection->name(), kind == ChatConnection::HistoryKind::Missed);
    }
    if (kind == ChatConnection::HistoryKind::Recent)
        m_conversation->setHasOlder(hasMore);
}

void ChatWindow::onPresenceChanged(const QStringList &joined, const QStringList &left, int others)
{
    for (const QString &name : joined) {
        if (name != m_connection->name())
            m_conversation->addNotice(tr("%1 joined").arg(name));
    }
    for (const QString &name : left)
        m_conversation->addNotice(tr("%1 left").arg(name));
    if (others > 0) // a large room names only a few of a crowd
        m_conversation->addNotice(tr("Others who came or went: %1").arg(others));
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
        m_stopBar->hide();
        m_input->setEnabled(true);
        break;
    case ChatConnection::State::Reconnecting:
        if (m_connection->hasJoined()) {
            m_stateLabel->setText(tr("Connection lost — reconnecting…"));
        } else {
            // Never in: nothing was lost, the host was not reached.
            const QUrl address = m_connection->address();
            const QString where
                    = u"%1:%2"_s.arg(address.host())
                              .arg(address.port(address.scheme().endsWith(u's') ? 443 : 80));
            const QString why = m_connection->lastError();
            m_stateLabel->setText(why.isEmpty()
                                          ? tr("Cannot reach %1 — retrying…").arg(where)
                                          : tr("Cannot reach %1 (%2) — retrying…").arg(where, why));
        }
        break;
    }
    // Offline, messages wait in the outbox; only a refused name stops sending.
    m_sendButton->setEnabled(state != ChatConnection::State::Disconnected);
}

void ChatWindow::onNameRefused(const QString &reason)
{
    m_stopBar->askForName(reason, m_connection->name());
}

void ChatWindow::onPasswordRefused(const QString &reason)
{
    m_stopBar->askForPassword(reason);
}

void ChatWindow::onError(const QString &, const QString &reason)
{
    statusBar()->showMessage(reason, 8000);
}

void ChatWindow::onStopped(const QString &code, const QString &reason)
{
    const QString text = m_stopBar->showStopped(code, reason);
    m_input->setEnabled(false); // nothing typed now could go anywhere
    m_stateLabel->setText(tr("Not in the room"));
    m_conversation->addNotice(text);
}
