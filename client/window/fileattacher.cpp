#include "fileattacher.h"

#include "chatconnection.h"
#include "conversationview.h"
#include "messageinput.h"

#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QMimeData>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

FileAttacher::FileAttacher(ChatConnection *connection, ConversationView *conversation,
                           MessageInput *input, std::function<QString()> recipient, QWidget *parent)
    : QObject(parent),
      m_connection(connection),
      m_conversation(conversation),
      m_recipient(std::move(recipient)),
      m_button(new QToolButton(parent))
{
    m_button->setObjectName(u"attachButton"_s);
    m_button->setText(u"📎"_s);
    m_button->setToolTip(tr("Attach a file or a picture (or drop it here, or paste it)"));
    m_button->setAccessibleName(tr("Attach a file or a picture"));
    m_button->setEnabled(false); // until the host says it takes files
    connect(m_button, &QToolButton::clicked, this, &FileAttacher::choose);
    connect(input, &MessageInput::filesPasted, this, &FileAttacher::send);
    for (QWidget *target :
         {static_cast<QWidget *>(conversation->viewport()), static_cast<QWidget *>(input)}) {
        target->setAcceptDrops(true);
        target->installEventFilter(this);
    }
    conversation->setFileLinks(
            [connection](const Tertulia::FileInfo &file, bool thumbnail) {
                return connection->fileUrl(file, thumbnail);
            },
            [connection] { return connection->pinnedCertificate(); });
    connect(conversation, &ConversationView::fileCancelled, this, [this](const QString &clientId) {
        m_connection->cancelFile(clientId);
        m_conversation->markFailed(clientId, tr("you stopped it"));
    });
    connect(connection, &ChatConnection::joined, this,
            [this] { m_button->setEnabled(m_connection->limits().fileBytes > 0); });
    connect(connection, &ChatConnection::uploadProgress, conversation,
            &ConversationView::setUploadProgress);
    connect(connection, &ChatConnection::uploadStage, conversation,
            [conversation](const QString &clientId, Tertulia::Events::FileProgress::Stage stage,
                           int ahead) {
                conversation->setUploadStage(
                        clientId,
                        stage == Tertulia::Events::FileProgress::Stage::Waiting
                                ? tr("waiting to be processed: number %1 in line").arg(ahead + 1)
                                : tr("processing the picture…"));
            });
    connect(connection, &ChatConnection::uploadRestored, conversation,
            &ConversationView::addPendingFile);
    connect(connection, &ChatConnection::fileAcknowledged, conversation,
            &ConversationView::markFileSent);
    connect(connection, &ChatConnection::uploadSeen, this,
            [this](const Tertulia::Events::Upload &upload) {
                if (upload.name == m_connection->name())
                    return;
                emit othersUpload(upload.ended || upload.size <= 0
                                          ? QString()
                                          : tr("%1 is sending %2 — %3%")
                                                    .arg(upload.name, upload.fileName)
                                                    .arg(100 * upload.received / upload.size));
            });
}

void FileAttacher::choose()
{
    send(QFileDialog::getOpenFileNames(m_button->window(), tr("Send files to the room")));
}

void FileAttacher::send(const QStringList &paths)
{
    const qint64 limit = m_connection->limits().fileBytes;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (limit <= 0 || info.size() > limit) {
            m_conversation->addNotice(
                    tr("%1 is larger than the %2 this room takes; it was not sent.")
                            .arg(info.fileName(),
                                 QLocale().formattedDataSize(limit, 1, QLocale::DataSizeSIFormat)));
            continue;
        }
        QString error;
        const QString recipient = m_recipient();
        const QString clientId = m_connection->sendFile(path, recipient, &error);
        if (clientId.isEmpty())
            m_conversation->addNotice(error);
        else
            m_conversation->addPendingFile(clientId, info.fileName(), info.size(), recipient);
    }
}

bool FileAttacher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDropEvent *>(event);
        if (m_button->isEnabled() && !MessageInput::localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = MessageInput::localFiles(drop->mimeData());
        if (m_button->isEnabled() && !files.isEmpty()) {
            drop->acceptProposedAction();
            send(files);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
