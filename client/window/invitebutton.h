#pragma once

#include <QtCore/QUrl>
#include <QtWidgets/QToolButton>

class QFrame;
class SharePanel;

// Hosting: "Invite…" beside the room's address, opening the share panel (every address with a
// copy button, a QR code, who came) as a popup under it, so inviting costs the chat no room.
class InviteButton final : public QToolButton
{
    Q_OBJECT

public:
    explicit InviteButton(QWidget *parent = nullptr);

    void setAddresses(const QList<QUrl> &addresses);
    void setReach(int visitors, int members); // visitors: devices that opened the page
    SharePanel *panel() const { return m_panel; }
    void showPanel();

private:
    QFrame *m_popup;
    SharePanel *m_panel;
};
