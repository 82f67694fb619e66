#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

// The http(s) links in a message, as people write them in sentences: punctuation that ends
// the sentence is not part of the link ("see https://h/x, then"), a closing bracket only when
// the link opened it (https://en.wikipedia.org/wiki/Foo_(bar)). The page's conversation.js
// applies the same rule.
namespace TextLinks {

struct Link
{
    qsizetype start = 0;
    qsizetype length = 0;
    QUrl url;
};

QList<Link> find(const QString &text);

} // namespace TextLinks
