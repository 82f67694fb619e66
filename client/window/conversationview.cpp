#include "conversationview.h"

#include "messagedelegate.h"
#include "messagegrouping.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtGui/QClipboard>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QDesktopServices>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslError>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollBar>

using namespace Qt::StringLiterals;
using Tertulia::ChatMessage;

namespace {

// A file's caption as first shown, before what the host does with it was added below.
constexpr int kCaptionRole = MessageDelegate::ClientIdRole + 100;

// "@Name" as a word of its own, ignoring case: a message addressed to that member.
QRegularExpression mentionPattern(const QString &name)
{
    return QRegularExpression(u"(^|[^\\w])@"_s + QRegularExpression::escape(name) + u"($|[^\\w])"_s,
                              QRegularExpression::CaseInsensitiveOption
                                      | QRegularExpression::UseUnicodePropertiesOption);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

// A file that is not a picture, as its line reads: a paper clip, its name and its size.
QString downloadCaption(const QString &name, qint64 size)
{
    return u"📎 %1 · %2"_s.arg(name, sizeText(size));
}

} // namespace

ConversationView::ConversationView(QWidget *parent) : QListWidget(parent)
{
    setObjectName(u"messageList"_s);
    setItemDelegate(new MessageDelegate(this));
    setResizeMode(QListView::Adjust); // re-wrap messages when resized
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // messages wrap to the width instead
    // A message can be picked (and copied with Ctrl+C); the input keeps the keyboard otherwise.
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(true); // the hand over links
    setAccessibleName(tr("Messages"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    // A row that grows or shrinks after it was shown (a file stored, a thumbnail's caption, a
    // re-wrap) keeps a reader who was at the newest message there.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_followsNewest)
            scrollToBottom();
    });
}

QUrl ConversationView::linkAt(const QPoint &point) const
{
    const QModelIndex index = indexAt(point);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return static_cast<const MessageDelegate *>(itemDelegate())->linkAt(option, index, point);
}

void ConversationView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(linkAt(event->position().toPoint()).isValid() ? Qt::PointingHandCursor
                                                                        : Qt::ArrowCursor);
    QListWidget::mouseMoveEvent(event);
}

void ConversationView::mouseReleaseEvent(QMouseEvent *event)
{
    // One click opens a link, as everywhere else; only http(s) links are ever opened.
    if (event->button() == Qt::LeftButton) {
        if (const QUrl url = linkAt(event->position().toPoint()); url.isValid()) {
            QDesktopServices::openUrl(url);
            event->accept();
            return;
        }
    }
    QListWidget::mouseReleaseEvent(event);
}

void ConversationView::contextMenuEvent(QContextMenuEvent *event)
{
    const QListWidgetItem *item = itemAt(event->pos());
    if (!item || item->data(MessageDelegate::KindRole).toInt() == MessageDelegate::Notice)
        return;
    const QString text = item->data(MessageDelegate::TextRole).toString();
    const QUrl url = linkAt(event->pos());
    QMenu menu(this);
    if (const QString clientId = item->data(MessageDelegate::ClientIdRole).toString();
        item->data(MessageDelegate::ProgressRole).isValid() && m_pending.contains(clientId)) {
        // One of your files still going up: it can be stopped here.
        menu.addAction(tr("Stop sending this file"), this,
                       [this, clientId] { emit fileCancelled(clientId); });
        menu.addSeparator();
    }
    menu.addAction(tr("Copy"), this, [text] { QGuiApplication::clipboard()->setText(text); });
    if (url.isValid()) {
        menu.addAction(tr("Open link"), this, [url] { QDesktopServices::openUrl(url); });
        menu.addAction(tr("Copy link address"), this,
                       [url] { QGuiApplication::clipboard()->setText(url.toString()); });
    }
    menu.exec(event->globalPos());
}

void ConversationView::stickToBottom()
{
    // Now, and again once the new rows are laid out: their heights (wrapped text) are only
    // known then, and a burst of history would otherwise leave the view short of the newest.
    // Unless the reader scrolled up in between: then they stay where they went.
    scrollToBottom();
    QTimer::singleShot(0, this, [this] {
        if (m_followsNewest)
            scrollToBottom();
    });
}

void ConversationView::placeInView(QListWidgetItem *item)
{
    // Hidden once in the list: QListWidgetItem::setHidden needs its view.
    item->setHidden(item->data(MessageDelegate::ConversationRole).toString() != m_view);
}

void ConversationView::setView(const QString &partner)
{
    m_view = partner;
    for (int row = 0; row < count(); ++row)
        item(row)->setHidden(item(row)->data(MessageDelegate::ConversationRole).toString()
                             != partner);
    MessageGrouping::restyle(this, 0, count() - 1); // neighbours changed
    stickToBottom();
}

void ConversationView::setEmptyHint(const QString &hint)
{
    m_emptyHint = hint;
    viewport()->update();
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    QListWidget::paintEvent(event);
    if (count() > 0 || m_emptyHint.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap, m_emptyHint);
}

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) && currentItem()) {
        QGuiApplication::clipboard()->setText(
                currentItem()->data(MessageDelegate::TextRole).toString());
        return;
    }
    QListWidget::keyPressEvent(event);
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
        if (message.file.isValid())
            markFileSent(message.clientId, message.file);
        markSent(message.clientId, message.id, message.time);
        return;
    }
    const bool atBottom = isAtBottom();
    QListWidgetItem *item = makeItem(message);
    addItem(item);
    placeInView(item);
    MessageGrouping::restyle(this, count() - 1, count() - 1);
    if (atBottom)
        stickToBottom();
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
        QListWidgetItem *item = makeItem(message);
        insertItem(row++, item);
        placeInView(item);
    }
    MessageGrouping::restyle(this, 0, row); // the new rows, and the old first one below them
    doItemsLayout();
    bar->setValue(bar->maximum() - fromBottom);
    fillScreen();
}

void ConversationView::setHasOlder(bool hasOlder)
{
    m_hasOlder = hasOlder;
    fillScreen();
}

void ConversationView::fillScreen()
{
    // Older messages come by scrolling up, which a list shorter than the view cannot do: it
    // asks for them itself (once laid out) until the view is full or nothing older is left.
    QTimer::singleShot(0, this, [this] {
        if (verticalScrollBar()->maximum() == 0)
            onScrolled(verticalScrollBar()->minimum());
    });
}

void ConversationView::addPending(const QString &clientId, const QString &text, const QString &to)
{
    ChatMessage message;
    message.name = m_ownName;
    message.text = text;
    message.time = QDateTime::currentDateTimeUtc();
    message.to = to;
    message.clientId = clientId;
    QListWidgetItem *item = makeItem(message);
    item->setData(MessageDelegate::PendingRole, true);
    item->setToolTip(tr("Sending…"));
    addItem(item);
    placeInView(item);
    MessageGrouping::restyle(this, count() - 1, count() - 1);
    m_pending.insert(clientId, item);
    stickToBottom();
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
    item->setData(MessageDelegate::TimeRole, QDateTime::currentDateTimeUtc());
    addItem(item);
    placeInView(item); // notices belong to the room
    if (atBottom)
        stickToBottom();
}

void ConversationView::setFileLinks(std::function<QUrl(const Tertulia::FileInfo &, bool)> link,
                                    std::function<QSslCertificate()> pinned)
{
    m_fileLink = std::move(link);
    m_pinned = std::move(pinned);
}

void ConversationView::addPendingFile(const QString &clientId, const QString &name, qint64 size,
                                      const QString &to)
{
    addPending(clientId, downloadCaption(name, size), to);
    if (QListWidgetItem *item = m_pending.value(clientId))
        item->setData(MessageDelegate::ProgressRole, 0.0);
}

void ConversationView::setUploadProgress(const QString &clientId, qint64 stored, qint64 size)
{
    if (QListWidgetItem *item = m_pending.value(clientId); item && size > 0)
        item->setData(MessageDelegate::ProgressRole, double(stored) / double(size));
}

void ConversationView::setUploadStage(const QString &clientId, const QString &stage)
{
    QListWidgetItem *item = m_pending.value(clientId);
    if (!item)
        return;
    if (!item->data(kCaptionRole).isValid())
        item->setData(kCaptionRole, item->data(MessageDelegate::TextRole));
    item->setData(MessageDelegate::TextRole,
                  QString(item->data(kCaptionRole).toString() + u"\n"_s + stage));
}

void ConversationView::markFileSent(const QString &clientId, const Tertulia::FileInfo &file)
{
    // Still pending: markSent() follows and settles it.
    if (QListWidgetItem *item = m_pending.value(clientId)) {
        item->setData(MessageDelegate::ProgressRole, QVariant());
        showFile(item, file);
    }
}

void ConversationView::showFile(QListWidgetItem *item, const Tertulia::FileInfo &file)
{
    if (!m_fileLink)
        return;
    item->setData(MessageDelegate::FileUrlRole, m_fileLink(file, false));
    if (!file.isPicture()) {
        item->setData(MessageDelegate::TextRole, downloadCaption(file.name, file.size));
        item->setToolTip(tr("Download %1").arg(file.name));
        return;
    }
    item->setData(MessageDelegate::TextRole,
                  tr("%1 · %2 · location data removed").arg(file.name, sizeText(file.size)));
    item->setToolTip(tr("Open %1 full size").arg(file.name));
    const QSize picture = QSize(std::max(1, file.width), std::max(1, file.height));
    item->setData(MessageDelegate::PictureSizeRole,
                  picture.width() > MessageDelegate::kPictureSide
                                  || picture.height() > MessageDelegate::kPictureSide
                          ? picture.scaled(MessageDelegate::kPictureSide,
                                           MessageDelegate::kPictureSide, Qt::KeepAspectRatio)
                          : picture);
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        connect(m_network, &QNetworkAccessManager::finished, this, &ConversationView::onThumbnail);
    }
    QNetworkReply *reply = m_network->get(QNetworkRequest(m_fileLink(file, true)));
    // A host with a self-signed certificate: exactly the one the room's socket was pinned to
    // (and only it) is trusted, whatever else is wrong with it.
    if (const QSslCertificate pinned = m_pinned ? m_pinned() : QSslCertificate();
        !pinned.isNull()) {
        QList<QSslError> expected;
        for (const auto error :
             {QSslError::SelfSignedCertificate, QSslError::HostNameMismatch,
              QSslError::CertificateUntrusted, QSslError::UnableToGetLocalIssuerCertificate,
              QSslError::UnableToVerifyFirstCertificate})
            expected.append(QSslError(error, pinned));
        reply->ignoreSslErrors(expected);
    }
    m_thumbnails.insert(reply, item); // rows are never removed while the view lives
}

void ConversationView::onThumbnail(QNetworkReply *reply)
{
    reply->deleteLater();
    QListWidgetItem *row = m_thumbnails.take(reply);
    if (!row || reply->error() != QNetworkReply::NoError)
        return; // the place stays empty: the picture still opens with a click
    const QImage thumbnail = QImage::fromData(reply->readAll());
    if (!thumbnail.isNull())
        row->setData(MessageDelegate::ThumbnailRole, thumbnail);
}

QListWidgetItem *ConversationView::makeItem(const ChatMessage &message)
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
    item->setData(MessageDelegate::ConversationRole, message.partnerFor(m_ownName));
    item->setData(MessageDelegate::ClientIdRole, message.clientId);
    if (message.file.isValid())
        showFile(item, message.file);
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
    m_followsNewest = value >= verticalScrollBar()->maximum() - 4;
    if (value == verticalScrollBar()->minimum() && m_hasOlder && !m_olderRequested
        && m_oldestId > 0) {
        m_olderRequested = true;
        emit olderWanted(m_oldestId);
    }
}
