#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <optional>

// The request line and headers of one HTTP/1.x request, parsed before anyone answers it, so
// the host can decide who handles the connection.
class RequestHead final
{
public:
    // Parses everything before the blank line that ends the head; nothing when it is malformed.
    static std::optional<RequestHead> parse(const QByteArray &head);

    QByteArray method() const { return m_method; }
    QByteArray target() const { return m_target; }
    QByteArray path() const; // the target without its query
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool isWebSocketUpgrade() const;

private:
    QByteArray m_method;
    QByteArray m_target;
    QList<std::pair<QByteArray, QByteArray>> m_headers; // names lower-cased
};
