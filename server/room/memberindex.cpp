#include "memberindex.h"

QStringList MemberIndex::page(int from, int count) const
{
    QStringList keys;
    if (from < 0 || count <= 0 || from >= size())
        return keys;
    keys.reserve(qMin(count, size() - from));
    for (auto it = m_keys.find_by_order(from); it != m_keys.end() && keys.size() < count; ++it)
        keys.append(*it);
    return keys;
}

QStringList MemberIndex::startingWith(const QString &prefix, int count) const
{
    QStringList keys;
    for (auto it = m_keys.lower_bound(prefix);
         it != m_keys.end() && keys.size() < count && it->startsWith(prefix); ++it)
        keys.append(*it);
    return keys;
}
