#pragma once

#include <QtCore/QDate>
#include <QtCore/QString>

class QListWidget;

// How messages read as a conversation: the first message of each day carries the day's name
// (DayStartRole), and a message that follows its sender's previous one within a few minutes
// carries no name, time or avatar of its own (ContinuationRole). Computed from each row's
// neighbour above, so insertions anywhere restyle only what they touch.
namespace MessageGrouping {

constexpr int kContinuationSeconds = 5 * 60;

// Restyles rows first…last (clamped to the list) from the rows above them; hidden rows (other
// conversations) are neither styled nor looked at.
void restyle(QListWidget *list, int first, int last);
// "Today", "Yesterday", or the date in the current locale.
QString dayLabel(const QDate &day, const QDate &today);

} // namespace MessageGrouping
