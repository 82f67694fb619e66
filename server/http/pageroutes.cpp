#include "pageroutes.h"

#include "protocolmodule.h"
#include "securityheaders.h"

#include <QtCore/QFile>
#include <QtHttpServer/QHttpServer>
#include <QtHttpServer/QHttpServerRouterRule>

using namespace Qt::StringLiterals;

namespace {

// QHttpServer 6.4 upgrades any request a route matched, even after the route answered it:
// page routes never match upgrade requests, so no request can leave a ghost socket behind.
class PageRule final : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *match) const override
    {
        if (!request.value("upgrade").isEmpty())
            return false;
        return QHttpServerRouterRule::matches(request, match);
    }
};

struct PageFile
{
    QString urlPath;
    QString resource; // empty: the body is given
    QByteArray mimeType;
    QByteArray body;
};

QByteArray readResource(const QString &path)
{
    QFile file(path);
    const bool embedded = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(embedded, "PageRoutes", "a page file is missing from the resources");
    return embedded ? file.readAll() : QByteArray();
}

void addSecurityHeaders(QHttpServerResponse &response)
{
    // The page's policy on whatever QHttpServer answers: its files, /room, 404, 405, 426.
    for (const auto &[name, value] : SecurityHeaders::of(SecurityHeaders::Kind::Page))
        response.setHeader(name, value);
    response.setHeader("Cache-Control", "no-cache");
    // One request per connection: the host closes it after the response (ConnectionSorter).
    response.setHeader("Connection", "close");
}

QStringList pagePaths(const QList<PageFile> &files)
{
    QStringList paths;
    for (const PageFile &file : files)
        paths.append(file.urlPath);
    return paths;
}

} // namespace

namespace PageRoutes {

void install(QHttpServer &server, std::function<void(const QHostAddress &)> onPageServed,
             std::function<QByteArray()> summary)
{
    const QList<PageFile> files{
            {u"/"_s, u":/tertulia/page/index.html"_s, "text/html; charset=utf-8"},
            {u"/app.js"_s, u":/tertulia/page/app.js"_s, "text/javascript; charset=utf-8"},
            {u"/conversation.js"_s, u":/tertulia/page/conversation.js"_s,
             "text/javascript; charset=utf-8"},
            {u"/session.js"_s, u":/tertulia/page/session.js"_s, "text/javascript; charset=utf-8"},
            {u"/uploads.js"_s, u":/tertulia/page/uploads.js"_s, "text/javascript; charset=utf-8"},
            {u"/members.js"_s, u":/tertulia/page/members.js"_s, "text/javascript; charset=utf-8"},
            {u"/mentions.js"_s, u":/tertulia/page/mentions.js"_s, "text/javascript; charset=utf-8"},
            {u"/filecard.js"_s, u":/tertulia/page/filecard.js"_s, "text/javascript; charset=utf-8"},
            {u"/strings.js"_s, u":/tertulia/page/strings.js"_s, "text/javascript; charset=utf-8"},
            // Written by the build from the one phrase table (translations/tools/fill.py).
            {u"/phrases.js"_s, u":/tertulia/page/phrases.js"_s, "text/javascript; charset=utf-8"},
            {u"/style.css"_s, u":/tertulia/page/style.css"_s, "text/css; charset=utf-8"},
            {u"/icon.svg"_s, u":/tertulia/page/icon.svg"_s, "image/svg+xml"},
            // The protocol table itself, as the page's module: one source for every client.
            {u"/protocol.js"_s,
             {},
             "text/javascript; charset=utf-8",
             Tertulia::ProtocolModule::javascript()},
    };
    using Method = QHttpServerRequest::Method;
    for (const PageFile &file : files) {
        const bool isPage = file.urlPath == u"/";
        server.route<PageRule>(
                file.urlPath, Method::Get,
                [mimeType = file.mimeType,
                 body = file.resource.isEmpty() ? file.body : readResource(file.resource), isPage,
                 onPageServed](const QHttpServerRequest &request) {
                    if (isPage && onPageServed)
                        onPageServed(request.remoteAddress());
                    return QHttpServerResponse(mimeType, body);
                });
        // QHttpServer 6.4 answers no HEAD by itself: the same headers, no body.
        server.route<PageRule>(file.urlPath, Method::Head, [mimeType = file.mimeType] {
            return QHttpServerResponse(mimeType, QByteArray());
        });
    }
    // Who hosts, how many are in, whether a password is needed: shown above the name field.
    server.route<PageRule>(u"/room"_s, Method::Get, [summary] {
        QHttpServerResponse response("application/json", summary ? summary() : "{}");
        response.setHeader("Cache-Control", "no-store");
        return response;
    });
    server.route<PageRule>(u"/ws"_s, Method::Get, [] {
        return QHttpServerResponse("text/plain; charset=utf-8",
                                   "This is the chat's WebSocket; open / in a browser.\n",
                                   QHttpServerResponse::StatusCode::UpgradeRequired);
    });
    // Known paths, other methods: 405 with what is allowed (unknown paths stay 404).
    const QStringList paths = pagePaths(files) << u"/ws"_s << u"/room"_s;
    for (const QString &path : paths) {
        server.route<PageRule>(path,
                               Method::Post | Method::Put | Method::Delete | Method::Patch
                                       | Method::Options | Method::Trace | Method::Connect,
                               [] {
                                   QHttpServerResponse response(
                                           "text/plain; charset=utf-8", "Method not allowed.\n",
                                           QHttpServerResponse::StatusCode::MethodNotAllowed);
                                   response.setHeader("Allow", "GET, HEAD");
                                   return response;
                               });
    }
    server.afterRequest([](QHttpServerResponse &&response) {
        addSecurityHeaders(response);
        return std::move(response);
    });
}

} // namespace PageRoutes
