#pragma once

class QHttpServer;

// The browser page: serves the chat page's files from the embedded resources, with the same
// security headers on every response.
namespace PageRoutes {

void install(QHttpServer &server);

} // namespace PageRoutes
