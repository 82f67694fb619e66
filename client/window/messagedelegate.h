#pragma once

#include <QtWidgets/QStyledItemDelegate>

#include <memory>

class MessageText;

// Paints one line of the conversation: a message as name, time and wrapped text (your own on a
// tinted background, faded while it is being sent; a direct message framed and labelled
// "private"), or a join/leave notice in italics.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // a Kind
        NameRole,
        TextRole,
        TimeRole, // QDateTime, UTC
        PendingRole, // bool: sent but not acknowledged yet
        FailedRole, // bool: the host refused it
        MentionRole, // bool: someone else's message that @mentions you
        RecipientRole, // QString: a direct message's recipient; empty for the whole room
        DayStartRole, // QString: the first message of its day: the day's name, drawn above it
        ContinuationRole, // bool: follows its sender's previous message closely: no header
        ConversationRole, // QString: the room (empty) or the other person of a direct message
        FileUrlRole, // QUrl: a file's message: where it is read (a click opens it)
        PictureSizeRole, // QSize: a picture's, as shown (its thumbnail fits in it)
        ThumbnailRole, // QImage: a picture's thumbnail, once it arrived
        ProgressRole, // double 0–1: one of your files still uploading; unset otherwise
        ClientIdRole, // QString: the sender's id for the message, if it gave one
    };
    static constexpr int kPictureSide = 320; // a picture is shown at most this wide and tall
    enum Kind { Message, OwnMessage, Notice };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // A sender's colour (name, avatar): stable per name, readable on the palette's base.
    static QColor nameColor(const QString &name, const QPalette &palette);
    // The link under `point` (in the view's coordinates) in that message, if any.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &point) const;

private:
    struct Layout
    {
        QRect day; // the day's name above the first message of a day; null otherwise
        QRect avatar; // null for a continuation
        QRect header; // name and time; null for a continuation
        QRect picture; // a picture's thumbnail; null otherwise
        QRect body;
        QRect progress; // an upload's bar; null otherwise
        QRect bubble;
        // The text laid out for `body` (messages only), drawn and hit-tested as it was measured.
        std::shared_ptr<const MessageText> text;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The picture, the text (a file's caption in the link colour) and an upload's bar.
    void drawBody(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                  const Layout &layout) const;
};
