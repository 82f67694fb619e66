#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <utility>

// The security headers of every HTTP answer the host gives — the page, its files, members'
// files, the room summary and every refusal or 404 — written in this one place.
namespace SecurityHeaders {

enum class Kind {
    Page, // the page's own files: its scripts, styles and socket, nothing from elsewhere
    Content, // anything else: never a page, no script, not embeddable, not sniffed
};

using Header = std::pair<QByteArray, QByteArray>;

QList<Header> of(Kind kind);
// The same as header lines, each ending in "\r\n", for answers written by hand.
QByteArray lines(Kind kind);

} // namespace SecurityHeaders
