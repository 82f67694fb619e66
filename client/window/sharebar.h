#pragma once

#include <QtCore/QUrl>
#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;

// The strip at the top of the window: the address people open to join, with a copy button.
class ShareBar final : public QWidget
{
    Q_OBJECT

public:
    explicit ShareBar(QWidget *parent = nullptr);

    // Hosting: the page's address to hand out. Joined elsewhere: the room's address.
    void setAddress(const QUrl &address, bool hosting);
    QString addressText() const;
    // Shown under the address when the host uses TLS, for self-signed certificates.
    void setFingerprint(const QString &fingerprint);
    // Hosting: the host's controls at the end of the row (InviteButton, the room's state).
    void addTrailingWidget(QWidget *widget);

private:
    void copyAddress();

    QLabel *m_caption;
    QLabel *m_address;
    QPushButton *m_copyButton;
    QLabel *m_fingerprint;
    class QHBoxLayout *m_row;
};
