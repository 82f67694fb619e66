#include "messagedelegate.h"

#include "messagetext.h"

#include <QtCore/QDateTime>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtWidgets/QAbstractScrollArea>

#include <cmath>

namespace {

constexpr int kMargin = 6;
constexpr int kPadding = 6;
constexpr int kAvatar = 28; // a circle with the sender's initials
constexpr int kAvatarGap = 8;

// WCAG's contrast ratio between two colours (1 to 21).
double contrastOf(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &colour) {
        const auto channel = [](double value) {
            return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
               + 0.0722 * channel(colour.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString initialsOf(const QString &name)
{
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString initials;
    for (const QString &word : words.mid(0, 2))
        initials += word.left(1).toUpper();
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

QString timeText(const QModelIndex &index)
{
    const QDateTime time = index.data(MessageDelegate::TimeRole).toDateTime().toLocalTime();
    return QLocale().toString(time.time(), QLocale::ShortFormat);
}

// The width a message may take: the view's visible width, not the item's rect, which keeps
// the width of an earlier layout (before the vertical scroll bar appeared, say).
int availableWidth(const QStyleOptionViewItem &option)
{
    const auto *view = qobject_cast<const QAbstractScrollArea *>(option.widget);
    return view ? std::min(option.rect.width(), view->viewport()->width()) : option.rect.width();
}

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont smallBoldFont(QFont font)
{
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

} // namespace

QColor MessageDelegate::nameColor(const QString &name, const QPalette &palette)
{
    // Twelve hues set well apart (a hash of the hue circle put "Ana" and "Bea" a few degrees
    // from each other), dark enough on a light base and light enough on a dark one to read.
    static constexpr int kHues[] = {0, 30, 55, 95, 140, 170, 195, 215, 240, 270, 300, 330};
    const int hue = kHues[qHash(name) % std::size(kHues)];
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    // Hues differ in how light they look: each is moved away from the base until it reads
    // at WCAG AA (4.5:1), not one lightness for all (blue on dark and teal on white missed it).
    int lightness = dark ? 170 : 85;
    QColor colour = QColor::fromHsl(hue, 150, lightness);
    while (contrastOf(colour, base) < 4.5 && lightness > 0 && lightness < 255) {
        lightness += dark ? 5 : -5;
        colour = QColor::fromHsl(hue, 150, std::clamp(lightness, 0, 255));
    }
    return colour;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const int left = option.rect.left() + kMargin + kPadding;
    const int available = availableWidth(option);
    Layout layout;
    int top = option.rect.top();
    if (const QString day = index.data(DayStartRole).toString(); !day.isEmpty()) {
        layout.day = QRect(option.rect.left() + kMargin, top + kMargin, available - 2 * kMargin,
                           QFontMetrics(smallBoldFont(option.font)).height());
        top = layout.day.bottom() + kMargin;
    }
    if (index.data(KindRole).toInt() == Notice) {
        const int width = qMax(80, available - 2 * (kMargin + kPadding));
        layout.body = QRect(left, top + 2, width, metrics.height());
        layout.bubble = layout.body;
        return layout;
    }
    // Text in a column right of the avatars, so a sender's messages line up under their name.
    const int textLeft = left + kAvatar + kAvatarGap;
    const int width = qMax(80, option.rect.left() + available - kMargin - kPadding - textLeft);
    layout.text = std::make_shared<const MessageText>(index.data(TextRole).toString(), option.font,
                                                      width, option.palette.color(QPalette::Link));
    const MessageText &text = *layout.text;
    const bool continuation = index.data(ContinuationRole).toBool();
    const int bubbleTop = continuation ? top : top + kMargin / 2;
    const int contentTop = bubbleTop + (continuation ? 2 : kPadding);
    int y = contentTop;
    if (!continuation) {
        layout.avatar = QRect(left, contentTop, kAvatar, kAvatar);
        layout.header
                = QRect(textLeft, contentTop, width, QFontMetrics(boldFont(option.font)).height());
        y = layout.header.bottom() + 2;
    }
    if (const QSize picture = index.data(PictureSizeRole).toSize(); picture.isValid()) {
        // Above its caption, never wider than the column.
        const QSize shown = picture.width() > width
                                    ? picture.scaled(width, picture.height(), Qt::KeepAspectRatio)
                                    : picture;
        layout.picture = QRect(QPoint(textLeft, y + 2), shown);
        y = layout.picture.bottom() + 4;
    }
    layout.body = QRect(textLeft, y, width, text.height());
    if (index.data(ProgressRole).isValid())
        layout.progress = QRect(textLeft, layout.body.bottom() + 4, std::min(width, 240), 6);
    const int bottom = std::max({layout.body.bottom(), layout.avatar.bottom(),
                                 layout.progress.isNull() ? 0 : layout.progress.bottom()});
    layout.bubble = QRect(textLeft - kPadding, bubbleTop, width + 2 * kPadding,
                          bottom - bubbleTop + (continuation ? 3 : kPadding));
    return layout;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &point) const
{
    if (index.data(KindRole).toInt() == Notice)
        return {};
    const Layout layout = layoutFor(option, index);
    // A file's message: its picture and its caption open the file.
    if (const QUrl file = index.data(FileUrlRole).toUrl();
        file.isValid() && (layout.picture.contains(point) || layout.body.contains(point)))
        return file;
    return layout.text->linkAt(point - layout.body.topLeft());
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    // A continuation keeps a few pixels below its bubble: the newest one sits on the edge.
    const int gap = index.data(ContinuationRole).toBool() ? 3 : kMargin;
    return QSize(availableWidth(opt), layout.bubble.bottom() - opt.rect.top() + gap);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout layout = layoutFor(option, index);
    const QPalette &palette = option.palette;
    const int kind = index.data(KindRole).toInt();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (!layout.day.isNull()) {
        // The day's name between two hairlines.
        const QFont dayFont = smallBoldFont(option.font);
        const QString day = index.data(DayStartRole).toString();
        const int textWidth = QFontMetrics(dayFont).horizontalAdvance(day) + 24;
        const int middle = layout.day.center().y();
        QColor line = palette.color(QPalette::PlaceholderText);
        line.setAlpha(90);
        painter->setPen(line);
        painter->drawLine(layout.day.left(), middle, layout.day.center().x() - textWidth / 2,
                          middle);
        painter->drawLine(layout.day.center().x() + textWidth / 2, middle, layout.day.right(),
                          middle);
        painter->setFont(dayFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(layout.day, Qt::AlignCenter, day);
        painter->setFont(option.font);
    }
    if (kind == Notice) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        // "Ana joined · 10:32": when, too.
        QString notice = index.data(Qt::DisplayRole).toString();
        if (index.data(TimeRole).toDateTime().isValid())
            notice += QStringLiteral(" · ") + timeText(index);
        painter->drawText(layout.body, Qt::AlignLeft | Qt::AlignVCenter, notice);
        painter->restore();
        return;
    }
    const QString recipient = index.data(RecipientRole).toString();
    if (!recipient.isEmpty()) {
        // Private: framed with a dashed line, whoever sent it.
        QColor frame = palette.color(QPalette::Link);
        QColor tint = frame;
        tint.setAlpha(kind == OwnMessage ? 30 : 45);
        painter->setPen(QPen(frame, 1.5, Qt::DashLine));
        painter->setBrush(tint);
        painter->drawRoundedRect(layout.bubble.adjusted(1, 1, -1, -1), 8, 8);
    } else if (kind == OwnMessage) {
        painter->setPen(Qt::NoPen);
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlpha(40);
        painter->setBrush(tint);
        painter->drawRoundedRect(layout.bubble, 8, 8);
    } else if (index.data(MentionRole).toBool()) {
        // For you: amber with a bar down its side, unlike your own (blue) at a glance.
        const QColor amber(0xf2, 0xa9, 0x00);
        QColor tint = amber;
        tint.setAlpha(45);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        painter->drawRoundedRect(layout.bubble, 8, 8);
        painter->setBrush(amber);
        painter->drawRoundedRect(
                QRect(layout.bubble.left(), layout.bubble.top(), 4, layout.bubble.height()), 2, 2);
    }
    if (option.state & QStyle::State_Selected) { // picked, for Ctrl+C
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(layout.bubble.adjusted(1, 1, -1, -1), 8, 8);
    }
    if (index.data(PendingRole).toBool())
        painter->setOpacity(0.55);

    const QString name = index.data(NameRole).toString();
    if (layout.header.isNull()) { // a continuation: the text alone
        drawBody(painter, option, index, layout);
        painter->restore();
        return;
    }
    // The avatar: the sender's initials on their colour.
    const QColor color = nameColor(name, palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(layout.avatar);
    QFont initialsFont = boldFont(option.font);
    initialsFont.setPointSizeF(initialsFont.pointSizeF() * 0.85);
    painter->setFont(initialsFont);
    painter->setPen(color.lightness() > 128 ? QColor(0x1d, 0x1d, 0x1b) : QColor(Qt::white));
    painter->drawText(layout.avatar, Qt::AlignCenter, initialsOf(name));
    const QFont bold = boldFont(option.font);
    painter->setFont(bold);
    painter->setPen(color);
    const QString elidedName
            = QFontMetrics(bold).elidedText(name, Qt::ElideRight, layout.header.width() * 2 / 3);
    painter->drawText(layout.header, Qt::AlignLeft, elidedName);
    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const int nameWidth = QFontMetrics(bold).horizontalAdvance(elidedName);
    QString stamp = timeText(index);
    if (!recipient.isEmpty())
        stamp = tr("to %1, privately").arg(recipient) + QStringLiteral(" · ") + stamp;
    if (index.data(PendingRole).toBool())
        stamp += QStringLiteral(" · ") + tr("sending…");
    if (index.data(FailedRole).toBool()) {
        stamp += QStringLiteral(" · ") + tr("not sent");
        painter->setPen(QColor(0xc6, 0x28, 0x28));
    }
    painter->drawText(layout.header.adjusted(nameWidth + 8, 0, 0, 0), Qt::AlignLeft, stamp);
    drawBody(painter, option, index, layout);
    painter->restore();
}

void MessageDelegate::drawBody(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index, const Layout &layout) const
{
    const QPalette &palette = option.palette;
    if (!layout.picture.isNull()) {
        const QImage thumbnail = index.data(ThumbnailRole).value<QImage>();
        QPainterPath rounded;
        rounded.addRoundedRect(layout.picture, 6, 6);
        painter->save();
        painter->setClipPath(rounded);
        if (thumbnail.isNull()) // still on its way: its place, so nothing jumps when it comes
            painter->fillRect(layout.picture, palette.color(QPalette::Mid));
        else
            painter->drawImage(layout.picture, thumbnail);
        painter->restore();
    }
    // A file's caption reads as the link it is; a message's text in the text colour.
    const bool file = index.data(FileUrlRole).toUrl().isValid();
    painter->setPen(palette.color(file ? QPalette::Link : QPalette::Text));
    layout.text->draw(painter, layout.body.topLeft());
    if (!layout.progress.isNull()) {
        const double done = std::clamp(index.data(ProgressRole).toDouble(), 0.0, 1.0);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Mid));
        painter->drawRoundedRect(layout.progress, 3, 3);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawRoundedRect(
                QRect(layout.progress.topLeft(),
                      QSize(int(layout.progress.width() * done), layout.progress.height())),
                3, 3);
    }
}
