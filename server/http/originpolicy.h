#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QStringList>

// Which web pages may open the chat socket: the host's own page, over any of this machine's
// addresses or names and the host's port, plus any origins added with --allow-origin.
// Clients that send no Origin (native and command-line clients) are not browsers and pass.
class OriginPolicy final
{
public:
    OriginPolicy(quint16 port, const QStringList &extraOrigins);

    bool allows(const QByteArray &origin) const;

private:
    bool isThisMachine(const QString &host) const;

    quint16 m_port;
    QStringList m_extraOrigins; // normalised: scheme://host[:port], lower case
};
