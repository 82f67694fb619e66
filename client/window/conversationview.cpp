#include "conversationview.h"

#include "messagedelegate.h"
#include "textlinks.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>
#include <QtGui/QDesktopServices>
#include <QtWidgets/QScrollBar>

using namespace Qt::StringLiterals;
using Tertulia::ChatMessage;

namespace {

// "@Name" as a word of its own, ignoring case: a message addressed to that member.
QRegularExpression mentionPattern(const QString &name)
{
    return QRegularExpression(u"(^|[^\\w])@"_s + QRegularExpression::escape(name) + u"($|[^\\w])"_s,
                              QRegularExpression::CaseInsensitiveOption
                                      | QRegularExpression::UseUnicodePropertiesOption);
}

// The first http(s) link in the text, opened on double-click; nothing else is ever opened.
QUrl firstLink(const QString &text)
{
    const QList<TextLinks::Link> links = TextLinks::find(text);
    return links.isEmpty() ? QUrl() : links.first().url;
}

} // namespace

ConversationView::ConversationView(QWidget *parent) : QListWidget(parent)
{
    setObjectName(u"messageList"_s);
    setItemDelegate(new MessageDelegate(this));
    setResizeMode(QListView::Adjust); // re-wrap messages when resized
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Messages"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    connect(this, &QListWidget::itemDoubleClicked, this, [](QListWidgetItem *item) {
        const QUrl url = firstLink(item->data(MessageDelegate::TextRole).toString());
        if (url.isValid())
            QDesktopServices::openUrl(url);
    });
}

void ConversationView::setOwnName(const QString &name)
{
    m_ownName = name;
    m_mentionPattern = mentionPattern(name);
}

bool ConversationView::mentionsYou(const QString &text) const
{
    return !m_ownName.isEmpty() && m_mentionPattern.match(text).hasMatch();
}

void ConversationView::addMessage(const ChatMessage &message)
{
    if (m_shownIds.contains(message.id))
        return;
    m_shownIds.insert(message.id);
    if (m_oldestId < 0 || message.id < m_oldestId)
        m_oldestId = message.id;
    // Your own message, resent after a reconnect and already shown as sending.
    if (!message.clientId.isEmpty() && m_pending.contains(message.clientId)) {
        markSent(message.clientId, message.id, message.time);
        return;
    }
    const bool atBottom = isAtBottom();
    addItem(makeItem(message));
    if (atBottom)
        scrollToBottom();
}

void ConversationView::addOlder(const QList<ChatMessage> &messages, bool hasMore)
{
    m_olderRequested = false;
    m_hasOlder = hasMore;
    // Keep the reader's place: the distance from the bottom does not change.
    QScrollBar *bar = verticalScrollBar();
    const int fromBottom = bar->maximum() - bar->value();
    int row = 0;
    for (const ChatMessage &message : messages) {
        if (m_shownIds.contains(message.id))
            continue;
        m_shownIds.insert(message.id);
        m_oldestId = m_oldestId < 0 ? message.id : std::min(m_oldestId, message.id);
        insertItem(row++, makeItem(message));
    }
    doItemsLayout();
    bar->setValue(bar->maximum() - fromBottom);
}

void ConversationView::setHasOlder(bool hasOlder)
{
    m_hasOlder = hasOlder;
}

void ConversationView::addPending(const QString &clientId, const QString &text, const QString &to)
{
    ChatMessage message;
    message.name = m_ownName;
    message.text = text;
    message.time = QDateTime::currentDateTimeUtc();
    message.to = to;
    QListWidgetItem *item = makeItem(message);
    item->setData(MessageDelegate::PendingRole, true);
    item->setToolTip(tr("Sending…"));
    addItem(item);
    m_pending.insert(clientId, item);
    scrollToBottom();
}

void ConversationView::markSent(const QString &clientId, qint64 id, const QDateTime &time)
{
    QListWidgetItem *item = m_pending.take(clientId);
    if (!item)
        return;
    m_shownIds.insert(id);
    item->setData(MessageDelegate::PendingRole, false);
    item->setToolTip(tr("Sent at %1").arg(QLocale().toString(time.toLocalTime().time())));
}

void ConversationView::markFailed(const QString &clientId, const QString &reason)
{
    QListWidgetItem *item = m_pending.take(clientId);
    if (!item)
        return;
    item->setData(MessageDelegate::PendingRole, false);
    item->setData(MessageDelegate::FailedRole, true);
    item->setToolTip(tr("Not sent: %1").arg(reason));
}

void ConversationView::addNotice(const QString &text)
{
    const bool atBottom = isAtBottom();
    auto *item = new QListWidgetItem(text);
    item->setData(MessageDelegate::KindRole, MessageDelegate::Notice);
    addItem(item);
    if (atBottom)
        scrollToBottom();
}

QListWidgetItem *ConversationView::makeItem(const ChatMessage &message) const
{
    const bool own = message.name == m_ownName;
    const QString stamp
            = QLocale().toString(message.time.toLocalTime().time(), QLocale::ShortFormat);
    // The display text is what screen readers and copy see; the delegate paints the roles.
    const QString sender = message.isDirect()
                                   ? tr("%1 (privately to %2)").arg(message.name, message.to)
                                   : message.name;
    auto *item = new QListWidgetItem(u"%1  %2: %3"_s.arg(stamp, sender, message.text));
    item->setData(MessageDelegate::KindRole,
                  own ? MessageDelegate::OwnMessage : MessageDelegate::Message);
    item->setData(MessageDelegate::NameRole, message.name);
    item->setData(MessageDelegate::TextRole, message.text);
    item->setData(MessageDelegate::TimeRole, message.time);
    item->setData(MessageDelegate::RecipientRole, message.to);
    item->setData(MessageDelegate::MentionRole, !own && mentionsYou(message.text));
    const QString &text = message.text;
    if (const QUrl url = firstLink(text); url.isValid())
        item->setToolTip(tr("Double-click to open %1").arg(url.toString()));
    return item;
}

bool ConversationView::isAtBottom() const
{
    // Someone reading back up the list is not yanked down by new messages.
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ConversationView::onScrolled(int value)
{
    if (value == verticalScrollBar()->minimum() && m_hasOlder && !m_olderRequested
        && m_oldestId > 0) {
        m_olderRequested = true;
        emit olderWanted(m_oldestId);
    }
}
