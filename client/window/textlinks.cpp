#include "textlinks.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace TextLinks {

namespace {

// How much of a raw match is the link.
qsizetype linkLength(QStringView raw)
{
    qsizetype end = raw.size();
    while (end > 0) {
        const QChar last = raw.at(end - 1);
        if (u".,;:!?…"_s.contains(last)) {
            --end;
            continue;
        }
        const auto unbalanced = [&](QChar open, QChar close) {
            return last == close && raw.first(end).count(open) < raw.first(end).count(close);
        };
        if (unbalanced(u'(', u')') || unbalanced(u'[', u']') || unbalanced(u'{', u'}')) {
            --end;
            continue;
        }
        break;
    }
    return end;
}

} // namespace

QList<Link> find(const QString &text)
{
    static const QRegularExpression pattern(u"https?://[^\\s<>\"']+"_s);
    QList<Link> links;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text)) {
        const qsizetype length = linkLength(match.capturedView());
        const QUrl url(match.captured().left(length), QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty()
            && (url.scheme() == u"http" || url.scheme() == u"https"))
            links.append({match.capturedStart(), length, url});
    }
    return links;
}

} // namespace TextLinks
