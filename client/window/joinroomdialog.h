#pragma once

#include <QtCore/QUrl>
#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class RoomDirectory;

// "Join a room on this network": the rooms announced on the LAN as they come and go, or an
// address typed by hand. Choosing one joins nothing by itself: the caller does, with choice().
class JoinRoomDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        QUrl address;
        QString fingerprint; // the announced certificate's fingerprint (prefix) to pin; or empty
        QString room; // its announced name, empty for a typed address
    };

    explicit JoinRoomDialog(QWidget *parent = nullptr);

    // The room this window hosts: listed as yours, not offered.
    void setOwnRoom(const QString &announcementId);
    Choice choice() const { return m_choice; }
    // Rooms listed now (for tests and the footnote).
    int roomCount() const;

    void accept() override;

private:
    void showRooms();
    void updateJoinButton();

    RoomDirectory *m_directory;
    QTreeWidget *m_list;
    QLineEdit *m_address;
    QLabel *m_status;
    QLabel *m_addressProblem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_join;
    Choice m_choice;
    QString m_ownRoom;
};
