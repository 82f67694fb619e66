#pragma once

#include <functional>

class QHttpServer;

// The browser page: serves the chat page's files from the embedded resources, with the same
// security headers on every response.
namespace PageRoutes {

// onPageServed: called each time someone loads the page itself (not its files).
void install(QHttpServer &server, std::function<void()> onPageServed);

} // namespace PageRoutes
