#pragma once

#include "serverevent.h"

#include <QtCore/QHash>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtWidgets/QListWidget>

#include <functional>

class QNetworkAccessManager;
class QSslCertificate;
class QNetworkReply;

// The list of messages and notices. Shows each room message once (by id), keeps your own
// messages as sending/sent/failed, and loads older pages when the reader scrolls to the top
// without moving what they are reading.
class ConversationView final : public QListWidget
{
    Q_OBJECT

public:
    explicit ConversationView(QWidget *parent = nullptr);

    void setOwnName(const QString &name);
    // The text @mentions you (a word of its own, ignoring case).
    bool mentionsYou(const QString &text) const;
    void addMessage(const Tertulia::ChatMessage &message);
    void addOlder(const QList<Tertulia::ChatMessage> &messages, bool hasMore);
    void setHasOlder(bool hasOlder);
    // to: the recipient of a direct message; empty for the whole room.
    void addPending(const QString &clientId, const QString &text, const QString &to = {});
    void markSent(const QString &clientId, qint64 id, const QDateTime &time);
    void markFailed(const QString &clientId, const QString &reason);
    void addNotice(const QString &text);
    // Where this member reads a file, or a picture's thumbnail (ChatConnection::fileUrl), and
    // the certificate the room's socket was pinned to, if any (ChatConnection::pinnedCertificate).
    void setFileLinks(std::function<QUrl(const Tertulia::FileInfo &, bool thumbnail)> link,
                      std::function<QSslCertificate()> pinned);
    // One of your files as it uploads: its name and size, then a bar as the host stores it.
    void addPendingFile(const QString &clientId, const QString &name, qint64 size,
                        const QString &to = {});
    void setUploadProgress(const QString &clientId, qint64 stored, qint64 size);
    // Below a file of yours whose bytes are all in: what the host is doing with it.
    void setUploadStage(const QString &clientId, const QString &stage);
    // Stored: the line, still pending, becomes the file (a picture's thumbnail, or a download);
    // markSent() comes next (ChatConnection::fileAcknowledged is emitted first).
    void markFileSent(const QString &clientId, const Tertulia::FileInfo &file);
    // Said in the middle of the list while it is empty.
    void setEmptyHint(const QString &hint);
    // Shows one conversation: the room (empty) or the direct messages with one person.
    void setView(const QString &partner);

signals:
    // The reader reached the top and older messages exist.
    void olderWanted(qint64 beforeId);
    // "Stop sending this file" on one of your files still going up.
    void fileCancelled(const QString &clientId);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QUrl linkAt(const QPoint &point) const; // in the viewport
    void placeInView(QListWidgetItem *item); // hidden unless in the conversation shown
    void stickToBottom();
    QListWidgetItem *makeItem(const Tertulia::ChatMessage &message);
    // A file's roles: its caption, where it is read, a picture's size and (fetched) thumbnail.
    void showFile(QListWidgetItem *item, const Tertulia::FileInfo &file);
    void onThumbnail(QNetworkReply *reply);
    bool isAtBottom() const;
    void onScrolled(int value);
    void fillScreen();

    QString m_ownName;
    QString m_emptyHint;
    QString m_view; // the conversation shown; empty: the room
    QRegularExpression m_mentionPattern; // "@<your name>"; set with the name
    QSet<qint64> m_shownIds;
    QHash<QString, QListWidgetItem *> m_pending; // client id → your message, not yet stored
    qint64 m_oldestId = -1;
    bool m_hasOlder = false;
    bool m_olderRequested = false;
    bool m_followsNewest = true; // the reader is at the newest message (not reading back)
    std::function<QUrl(const Tertulia::FileInfo &, bool)> m_fileLink;
    std::function<QSslCertificate()> m_pinned;
    QNetworkAccessManager *m_network = nullptr; // made with the first thumbnail asked for
    QHash<QNetworkReply *, QListWidgetItem *> m_thumbnails; // on their way, for which row
};
