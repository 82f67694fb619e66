#include "messagegrouping.h"

#include "messagedelegate.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtWidgets/QListWidget>

namespace MessageGrouping {

namespace {

bool isMessage(const QListWidgetItem *item)
{
    return item && item->data(MessageDelegate::KindRole).toInt() != MessageDelegate::Notice;
}

QDate localDay(const QListWidgetItem *item)
{
    return item->data(MessageDelegate::TimeRole).toDateTime().toLocalTime().date();
}

} // namespace

QString dayLabel(const QDate &day, const QDate &today)
{
    if (day == today)
        return QCoreApplication::translate("MessageGrouping", "Today");
    if (day == today.addDays(-1))
        return QCoreApplication::translate("MessageGrouping", "Yesterday");
    return QLocale().toString(day,
                              day.year() == today.year() ? u"dddd, d MMMM" : u"dddd, d MMMM yyyy");
}

void restyle(QListWidget *list, int first, int last)
{
    const QDate today = QDate::currentDate();
    last = std::min(last, list->count() - 1);
    for (int row = std::max(0, first); row <= last; ++row) {
        QListWidgetItem *item = list->item(row);
        if (!isMessage(item) || item->isHidden())
            continue;
        // The nearest message above; a notice between two messages does not break a day.
        const QListWidgetItem *above = nullptr;
        bool noticeBetween = false;
        for (int up = row - 1; up >= 0 && !above; --up) {
            if (list->item(up)->isHidden()) // another conversation's
                continue;
            if (isMessage(list->item(up)))
                above = list->item(up);
            else
                noticeBetween = true;
        }
        const QDate day = localDay(item);
        const bool newDay = !above || localDay(above) != day;
        item->setData(MessageDelegate::DayStartRole, newDay ? dayLabel(day, today) : QString());
        const bool continuation
                = above && !newDay && !noticeBetween
                  && above->data(MessageDelegate::NameRole) == item->data(MessageDelegate::NameRole)
                  && above->data(MessageDelegate::RecipientRole)
                             == item->data(MessageDelegate::RecipientRole)
                  && above->data(MessageDelegate::TimeRole)
                                     .toDateTime()
                                     .secsTo(item->data(MessageDelegate::TimeRole).toDateTime())
                             <= kContinuationSeconds;
        item->setData(MessageDelegate::ContinuationRole, continuation);
    }
}

} // namespace MessageGrouping
