#include "messagedelegate.h"

#include "messagetext.h"

#include <QtCore/QDateTime>
#include <QtGui/QPainter>
#include <QtWidgets/QAbstractScrollArea>

namespace {

constexpr int kMargin = 6;
constexpr int kPadding = 6;

// A stable colour per name, readable on both light and dark palettes.
QColor colorForName(const QString &name, const QPalette &palette)
{
    const int hue = int(qHash(name) % 360);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 150, dark ? 170 : 90);
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

} // namespace

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const int width = qMax(80, availableWidth(option) - 2 * (kMargin + kPadding));
    Layout layout;
    if (index.data(KindRole).toInt() == Notice) {
        layout.body = QRect(option.rect.left() + kMargin + kPadding, option.rect.top() + 2, width,
                            metrics.height());
        layout.bubble = layout.body;
        return layout;
    }
    const MessageText text(index.data(TextRole).toString(), option.font, width);
    const int left = option.rect.left() + kMargin + kPadding;
    const int top = option.rect.top() + kMargin / 2 + kPadding;
    layout.header = QRect(left, top, width, QFontMetrics(boldFont(option.font)).height());
    layout.body = QRect(left, layout.header.bottom() + 2, width, text.height());
    layout.bubble = QRect(option.rect.left() + kMargin, option.rect.top() + kMargin / 2,
                          availableWidth(option) - 2 * kMargin,
                          layout.body.bottom() - option.rect.top() + kPadding);
    return layout;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &point) const
{
    if (index.data(KindRole).toInt() == Notice)
        return {};
    const Layout layout = layoutFor(option, index);
    const MessageText text(index.data(TextRole).toString(), option.font, layout.body.width());
    return text.linkAt(point - layout.body.topLeft());
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    return QSize(availableWidth(opt), layout.bubble.bottom() - opt.rect.top() + kMargin);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout layout = layoutFor(option, index);
    const QPalette &palette = option.palette;
    const int kind = index.data(KindRole).toInt();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (kind == Notice) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(layout.body, Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(Qt::DisplayRole).toString());
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
    const QFont bold = boldFont(option.font);
    painter->setFont(bold);
    painter->setPen(colorForName(name, palette));
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

    painter->setPen(palette.color(QPalette::Text));
    const MessageText text(index.data(TextRole).toString(), option.font, layout.body.width(),
                           palette.color(QPalette::Link));
    text.draw(painter, layout.body.topLeft());
    painter->restore();
}
