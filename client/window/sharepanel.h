#pragma once

#include <QtCore/QUrl>
#include <QtWidgets/QWidget>

class QLabel;
class QListWidget;
class QrCodeWidget;

// Hosting: every address the room can be reached at, best first, each with a copy button; a
// QR code of the selected one; and live feedback that the link works.
class SharePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SharePanel(QWidget *parent = nullptr);

    void setAddresses(const QList<QUrl> &addresses);
    void setReach(int visitors, int members); // visitors: devices that opened the page
    QUrl selectedAddress() const;

private:
    void onSelectionChanged();
    void addRow(const QUrl &address);

    QListWidget *m_addresses;
    QrCodeWidget *m_qrCode;
    QLabel *m_reach;
    QLabel *m_warning;
};
