#pragma once

#include "chatconnection.h"

#include <QtCore/QHash>
#include <QtWidgets/QMainWindow>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class ShareBar;

// The native chat window: messages, who is here, the input line and the connection state.
// Talks to the room only through the ChatConnection it is given (not owned).
class ChatWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit ChatWindow(ChatConnection *connection, QWidget *parent = nullptr);

    void setShareAddress(const QUrl &address, bool hosting);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void sendInput();
    void onMessageReceived(qint64 id, const QString &name, const QString &text,
                           const QDateTime &time);
    void onAcknowledged(const QString &clientId, qint64 id, const QDateTime &time);
    void onPresenceChanged(const QStringList &joined, const QStringList &left);
    void onMembersChanged(const QList<Tertulia::MemberInfo> &members);
    void onStateChanged(ChatConnection::State state);
    void onNameRefused(const QString &reason);
    void onError(const QString &code, const QString &reason);
    QListWidgetItem *appendMessage(const QString &name, const QString &text, const QDateTime &time,
                                   bool own);
    void appendNotice(const QString &text);
    bool isAtBottom() const;

    ChatConnection *m_connection;
    ShareBar *m_shareBar;
    QListWidget *m_messageList;
    QListWidget *m_memberList;
    QLineEdit *m_input;
    QPushButton *m_sendButton;
    QLabel *m_stateLabel;
    QHash<QString, QListWidgetItem *> m_pendingOwn; // client id → item shown as "sending"
};
