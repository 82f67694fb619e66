#include "securityheaders.h"

namespace SecurityHeaders {

QList<Header> of(Kind kind)
{
    const QByteArray policy
            = kind == Kind::Page ? QByteArray(
                      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                      "style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                      "base-uri 'none'; form-action 'none'")
                                 : QByteArray(
                                         "default-src 'none'; sandbox; frame-ancestors 'none'");
    return {{"Content-Security-Policy", policy},
            {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", "DENY"},
            {"Referrer-Policy", "no-referrer"},
            {"Cross-Origin-Resource-Policy", "same-origin"}};
}

QByteArray lines(Kind kind)
{
    QByteArray written;
    for (const auto &[name, value] : of(kind))
        written += name + ": " + value + "\r\n";
    return written;
}

} // namespace SecurityHeaders
