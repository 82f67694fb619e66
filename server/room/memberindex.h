#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>

// The room's members in the order their lists show them (by name, ignoring case), with the
// position of each: a page at any offset and a prefix search cost O(log N + k), however large
// the room. Keys are names' uniqueness keys (Names::uniquenessKey), one per member.
// The order-statistics tree is libstdc++'s (policy-based data structures), not our own.
class MemberIndex final
{
public:
    void insert(const QString &key) { m_keys.insert(key); }
    void erase(const QString &key) { m_keys.erase(key); }
    int size() const { return int(m_keys.size()); }
    // Where a key is (or would be) in the order: how many keys sort before it.
    int rankOf(const QString &key) const { return int(m_keys.order_of_key(key)); }
    QStringList page(int from, int count) const;
    // The first `count` keys that start with `prefix` (itself a uniqueness key), in order.
    QStringList startingWith(const QString &prefix, int count) const;

private:
    using Tree = __gnu_pbds::tree<QString, __gnu_pbds::null_type, std::less<QString>,
                                  __gnu_pbds::rb_tree_tag,
                                  __gnu_pbds::tree_order_statistics_node_update>;
    Tree m_keys;
};
