#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>

// Stands in for the desktop's browser: QDesktopServices hands it the links the window opens
// (QDesktopServices::setUrlHandler(u"http"_s, &opened, "open")).
class OpenedLinks final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};
