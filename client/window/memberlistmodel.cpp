#include "memberlistmodel.h"

#include <QtCore/QLocale>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>

using namespace Qt::StringLiterals;
using Tertulia::MemberInfo;

void MemberListModel::setEveryone(const QList<MemberInfo> &members)
{
    beginResetModel();
    m_complete = true;
    m_everyone = members;
    m_rows.clear();
    m_total = 0;
    endResetModel();
}

void MemberListModel::setRows(int total, int from, const QList<MemberInfo> &rows)
{
    if (m_complete) { // the room just outgrew being listed whole
        beginResetModel();
        m_complete = false;
        m_everyone.clear();
        m_total = total;
        endResetModel();
    } else if (total > m_total) {
        beginInsertRows({}, m_total, total - 1);
        m_total = total;
        endInsertRows();
    } else if (total < m_total) {
        beginRemoveRows({}, total, m_total - 1);
        m_total = total;
        endRemoveRows();
    }
    if (from < 0)
        return;
    // Rows the host sent before were watched then: what is not watched now may have moved.
    m_rows.clear();
    for (int i = 0; i < rows.size(); ++i)
        m_rows.insert(from + i, rows.at(i));
    if (m_total > 0)
        emit dataChanged(index(0), index(m_total - 1));
}

bool MemberListModel::hasRows(int first, int last) const
{
    if (m_complete)
        return true;
    for (int row = std::max(first, 0); row <= std::min(last, m_total - 1); ++row) {
        if (!m_rows.contains(row))
            return false;
    }
    return true;
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_complete ? int(m_everyone.size()) : m_total;
}

const MemberInfo *MemberListModel::memberAt(int row) const
{
    if (m_complete)
        return row >= 0 && row < m_everyone.size() ? &m_everyone.at(row) : nullptr;
    const auto found = m_rows.constFind(row);
    return found == m_rows.cend() ? nullptr : &*found;
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    const MemberInfo *member = memberAt(index.row());
    if (role == LoadedRole)
        return member != nullptr;
    if (!member)
        return role == Qt::DisplayRole ? QVariant(u"…"_s) : QVariant();
    switch (role) {
    case NameRole:
        return member->name;
    case Qt::DisplayRole: {
        QStringList marks;
        if (member->name == m_ownName)
            marks.append(tr("you"));
        if (member->host)
            marks.append(tr("host"));
        if (member->away) // dropped, name held for them: probably back in a moment
            marks.append(tr("away"));
        return marks.isEmpty() ? member->name
                               : tr("%1 (%2)").arg(member->name, marks.join(u", "_s));
    }
    case Qt::ToolTipRole:
        return tr("Here since %1")
                .arg(QLocale().toString(member->since.toLocalTime().time(), QLocale::ShortFormat));
    case Qt::FontRole:
        if (member->name == m_ownName) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (member->away)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    default:
        return {};
    }
}
