#pragma once

#include <QtCore/QByteArray>

#include <functional>

class QHostAddress;
class QHttpServer;

// The browser page: serves the chat page's files from the embedded resources, with the same
// security headers on every response.
namespace PageRoutes {

// onPageServed: called with the visitor's address each time someone loads the page itself (not
// its files). summary: the room as /room tells anyone who asks, before joining (JSON).
void install(QHttpServer &server, std::function<void(const QHostAddress &)> onPageServed,
             std::function<QByteArray()> summary);

} // namespace PageRoutes
