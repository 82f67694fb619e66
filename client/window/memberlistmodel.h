#pragma once

#include "serverevent.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QHash>

// The window's member list. A small room's whole list (setEveryone), or a large room's count
// with the rows the window watches (setRows): rowCount() is everyone, and a row not received
// yet reads "…" until the host sends it. Mirrors the page's MemberList (members.js).
class MemberListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { NameRole = Qt::UserRole, LoadedRole };

    using QAbstractListModel::QAbstractListModel;

    void setOwnName(const QString &name) { m_ownName = name; }
    void setEveryone(const QList<Tertulia::MemberInfo> &members);
    // rows: from row `from` on (from < 0: only the count changed).
    void setRows(int total, int from, const QList<Tertulia::MemberInfo> &rows);
    bool isComplete() const { return m_complete; }
    // Whether rows [first, last] have been received.
    bool hasRows(int first, int last) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    const Tertulia::MemberInfo *memberAt(int row) const;

    QString m_ownName;
    bool m_complete = true;
    QList<Tertulia::MemberInfo> m_everyone; // complete
    int m_total = 0; // not complete
    QHash<int, Tertulia::MemberInfo> m_rows; // not complete: row → member
};
