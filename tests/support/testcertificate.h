#pragma once

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>

// A fresh self-signed certificate and key (cert.pem, key.pem) in `dir`, made by openssl.
inline bool makeTestCertificate(const QTemporaryDir &dir)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=tertulia-test"), QStringLiteral("-keyout"),
                   dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   dir.filePath(QStringLiteral("cert.pem"))});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}
