// Files in the native window (offscreen), against a real host over real sockets: dropped onto
// the conversation, pasted as a screenshot, or refused over the room's limit; a picture from
// another member shown as its thumbnail, opening full size with one click.

#include "chatconnection.h"
#include "chatwindow.h"
#include "clientrequest.h"
#include "messagedelegate.h"
#include "messageinput.h"
#include "support/openedlinks.h"
#include "support/testcertificate.h"
#include "support/testclient.h"
#include "support/testhost.h"

#include <QtCore/QDir>
#include <QtCore/QMimeData>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtGui/QImage>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

class tst_WindowFiles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aFileDroppedOnTheConversationReachesTheRoom();
    void aPastedScreenshotIsSentAsAPicture();
    void aFileOverTheLimitIsRefusedInWords();
    void aFileGoingUpCanBeStopped();
    void anUploadGoesOnAfterTheProgramStartsAgain();
    void aPictureFromAnotherMemberShowsAsItsThumbnail();
    void aPictureWaitingForTheDecoderSaysSo();
    void thumbnailsComeFromAPinnedSelfSignedHost();

private:
    QListWidget *conversation() const
    {
        return m_window->findChild<QListWidget *>(u"messageList"_s);
    }
    QListWidgetItem *lastItem() const { return conversation()->item(conversation()->count() - 1); }
    // The newest line whose text has `text` (notices of who joined may come after it).
    QListWidgetItem *lineWith(const QString &text) const
    {
        for (int row = conversation()->count() - 1; row >= 0; --row) {
            if (conversation()->item(row)->data(Qt::DisplayRole).toString().contains(text))
                return conversation()->item(row);
        }
        return nullptr;
    }
    QByteArray download(const QString &path, const QString &key);
    // A fresh room (settings as `configure` leaves them) with Ana in the window and Bea on a
    // socket: what every test starts with, some with other limits or TLS.
    void startRoom(const std::function<void(HostSettings &)> &configure);
    // Files dragged from a file manager and dropped onto the conversation; whether it took them.
    bool dropFiles(const QStringList &paths);
    // Bea sends a picture (1200×800) as a browser would, and waits until it is stored.
    bool beaSendsAPicture(const QString &name);

    QTemporaryDir m_files;
    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<ChatConnection> m_connection;
    std::unique_ptr<ChatWindow> m_window;
    std::unique_ptr<TestClient> m_bea;
    QString m_beaKey;
};

void tst_WindowFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_WindowFiles::init()
{
    startRoom([](HostSettings &settings) { settings.limits.maxFileBytes = 4 * 1024 * 1024; });
}

void tst_WindowFiles::startRoom(const std::function<void(HostSettings &)> &configure)
{
    cleanup();
    m_host = std::make_unique<TestHost>();
    configure(m_host->settings);
    QVERIFY(m_host->start());
    const bool tls = !m_host->settings.certificateFile.isEmpty();
    m_connection = std::make_unique<ChatConnection>();
    if (tls)
        m_connection->setPinnedFingerprint(m_host->host.certificateFingerprint());
    m_window = std::make_unique<ChatWindow>(m_connection.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString scheme = tls ? u"s"_s : QString();
    m_connection->open(QUrl(u"http%1://127.0.0.1:%2/"_s.arg(scheme).arg(m_host->port())), u"Ana"_s);
    QTRY_COMPARE(m_connection->state(), ChatConnection::State::Connected);
    m_bea = std::make_unique<TestClient>();
    connect(&m_bea->socket, &QWebSocket::sslErrors, this,
            [this] { m_bea->socket.ignoreSslErrors(); }); // self-signed: a browser would ask
    QVERIFY(m_bea->open(
            QUrl(u"ws%1://127.0.0.1:%2/ws?name=Bea"_s.arg(scheme).arg(m_host->port()))));
    m_beaKey = m_bea->next(u"welcome"_s).value("fileKey").toString();
    QVERIFY(!m_beaKey.isEmpty());
    QTRY_VERIFY(m_window->findChild<QToolButton *>(u"attachButton"_s)->isEnabled());
}

bool tst_WindowFiles::dropFiles(const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    data.setUrls(urls);
    // As a real drag: entering first (a drop alone is ignored), then the drop.
    QWidget *viewport = static_cast<QAbstractScrollArea *>(conversation())->viewport();
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return enter.isAccepted() && drop.isAccepted();
}

void tst_WindowFiles::cleanup()
{
    m_bea.reset();
    m_window.reset();
    m_connection.reset();
    m_host.reset();
}

namespace {

quint32 crc32(const QByteArray &bytes) // PNG's chunk checksum (ISO 3309)
{
    quint32 crc = 0xffffffffu;
    for (char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A small PNG that decodes to side × side grey pixels: seconds of a decoder's time.
QByteArray bigPng(int side)
{
    const auto chunk = [](const QByteArray &kind, const QByteArray &data) -> QByteArray {
        QByteArray out;
        QDataStream stream(&out, QIODevice::WriteOnly);
        stream << quint32(data.size());
        out += kind + data;
        QByteArray crc;
        QDataStream(&crc, QIODevice::WriteOnly) << crc32(kind + data);
        return out + crc;
    };
    QByteArray header;
    QDataStream(&header, QIODevice::WriteOnly) << quint32(side) << quint32(side) << quint8(8)
                                               << quint8(0) << quint8(0) << quint8(0) << quint8(0);
    const QByteArray rows = QByteArray(qsizetype(side + 1) * side, '\0'); // filter 0, black
    const QByteArray zlib = qCompress(rows, 9).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", zlib)
           + chunk("IEND", {});
}

} // namespace

QByteArray tst_WindowFiles::download(const QString &path, const QString &key)
{
    QNetworkAccessManager network;
    QUrl url = m_host->pageUrl();
    url.setPath(path, QUrl::TolerantMode);
    url.setQuery(u"key="_s + key);
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000) || reply->error() != QNetworkReply::NoError)
        return {};
    reply->deleteLater();
    return reply->readAll();
}

void tst_WindowFiles::aFileDroppedOnTheConversationReachesTheRoom()
{
    const QString path = m_files.filePath(u"notas de la reunión.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray content = QByteArray("acta\n").repeated(200'000); // 1 MB: a few pieces
    file.write(content);
    file.close();

    // A conversation longer than the view, read at its newest message.
    for (int n = 1; n <= 20; ++n)
        m_bea->send({{"name", "Bea"}, {"message", u"línea %1"_s.arg(n)}});
    QTRY_VERIFY(lineWith(u"línea 20"_s));
    QVERIFY(dropFiles({path}));
    // Shown at once as it uploads, with its bar.
    QListWidgetItem *line = lineWith(u"notas de la reunión.txt"_s);
    QVERIFY(line);
    QVERIFY(line->data(MessageDelegate::ProgressRole).isValid());

    const QJsonObject message = m_bea->nextWhere(
            u"message"_s, [](const QJsonObject &m) { return m.contains("file"); }, 20000);
    const QJsonObject received = message.value("file").toObject();
    QCOMPARE(received.value("name").toString(), u"notas de la reunión.txt"_s);
    QCOMPARE(received.value("type").toString(), u"application/octet-stream"_s);
    QCOMPARE(download(received.value("url").toString(), m_beaKey), content);
    // In the window the line became the download: no bar, a link that opens the file.
    QTRY_VERIFY(!line->data(MessageDelegate::ProgressRole).isValid());
    const QUrl link = line->data(MessageDelegate::FileUrlRole).toUrl();
    QVERIFY(link.isValid());
    QVERIFY(link.query().startsWith(u"key="_s));

    // The line changed height (its bar gone): what is written next is still wholly in view.
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    input->setFocus();
    QTest::keyClicks(input, u"y el acta, abajo"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(!m_bea->nextWhere(u"message"_s, [](const QJsonObject &m) {
                      return m.value("message").toString() == u"y el acta, abajo"_s;
                  }).isEmpty());
    QListWidgetItem *newest = lineWith(u"y el acta, abajo"_s);
    QVERIFY(newest);
    QWidget *view = static_cast<QAbstractScrollArea *>(conversation())->viewport();
    QTRY_VERIFY2(conversation()->visualItemRect(newest).bottom() <= view->height(),
                 qPrintable(u"newest row ends at %1, the view at %2"_s
                                    .arg(conversation()->visualItemRect(newest).bottom())
                                    .arg(view->height())));
}

void tst_WindowFiles::aPastedScreenshotIsSentAsAPicture()
{
    QImage screenshot(200, 120, QImage::Format_RGB32);
    screenshot.fill(QColor(0x2f, 0x7d, 0x6d));
    auto *input = m_window->findChild<MessageInput *>(u"messageInput"_s);
    QGuiApplication::clipboard()->setImage(screenshot);
    input->setFocus();
    input->paste();
    const QJsonObject message = m_bea->nextWhere(
            u"message"_s, [](const QJsonObject &m) { return m.contains("file"); }, 20000);
    const QJsonObject file = message.value("file").toObject();
    QVERIFY(file.value("name").toString().startsWith(u"screenshot-"_s));
    QCOMPARE(file.value("type").toString(), u"image/png"_s);
    QCOMPARE(file.value("width").toInt(), 200);
    QVERIFY(input->text().isEmpty()); // a picture, not text in the box
}

void tst_WindowFiles::aFileOverTheLimitIsRefusedInWords()
{
    const QString path = m_files.filePath(u"big.iso"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(4 * 1024 * 1024 + 1));
    file.close();
    dropFiles({path});
    QTRY_VERIFY(lineWith(u"big.iso is larger than the 4.2 MB this room takes"_s));
    QTest::qWait(300);
    QVERIFY(m_bea->eventsOfType(u"upload"_s).isEmpty());
}

void tst_WindowFiles::aFileGoingUpCanBeStopped()
{
    const QString path = m_files.filePath(u"copia.tar"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(3 * 1024 * 1024, 'x')); // at 256 KiB/s, ten seconds or more
    file.close();
    startRoom([](HostSettings &settings) { settings.limits.uploadBytesPerSecond = 256 * 1024; });

    QVERIFY(dropFiles({path}));
    QVERIFY(!m_bea->next(u"upload"_s, 10000).isEmpty()); // it started
    QListWidgetItem *line = lineWith(u"copia.tar"_s);
    QVERIFY(line);

    // Its context menu stops it.
    QTimer::singleShot(300, this, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *action : menu->actions()) {
            if (action->text() == u"Stop sending this file"_s)
                action->trigger();
        }
        menu->close();
    });
    QWidget *viewport = static_cast<QAbstractScrollArea *>(conversation())->viewport();
    const QPoint inside = conversation()->visualItemRect(line).center();
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, inside, viewport->mapToGlobal(inside));
    QCoreApplication::sendEvent(viewport, &menuEvent);
    QVERIFY(!m_bea->nextWhere(
                          u"upload"_s,
                          [](const QJsonObject &e) { return e.value("ended").toBool(); }, 10000)
                     .isEmpty());
    QTRY_VERIFY(line->data(MessageDelegate::FailedRole).toBool());
    QVERIFY(line->toolTip().contains(u"you stopped it"_s));
    // Nothing of it is left on the host.
    QTRY_COMPARE(QDir(m_host->settings.dataDirectory + u"/files"_s).entryList(QDir::Files),
                 QStringList());
    QTest::qWait(500);
    QVERIFY(m_bea->eventsOfType(u"message"_s).isEmpty());
}

bool tst_WindowFiles::beaSendsAPicture(const QString &name)
{
    QImage picture(1200, 800, QImage::Format_RGB32);
    picture.fill(QColor(0xf2, 0xa9, 0x00));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    m_bea->socket.sendTextMessage(Tertulia::encodeFileOffer(name, png.size(), u"b1"_s));
    const QJsonObject accepted = m_bea->next(u"file_accepted"_s, 10000);
    if (accepted.isEmpty())
        return false;
    m_bea->socket.sendBinaryMessage(
            Tertulia::FileChunk::encode(accepted.value("upload").toString(), 0, png));
    return !m_bea->nextWhere(
                         u"ack"_s, [](const QJsonObject &a) { return a.contains("file"); }, 20000)
                    .isEmpty();
}

void tst_WindowFiles::thumbnailsComeFromAPinnedSelfSignedHost()
{
    QVERIFY(makeTestCertificate(m_files));
    startRoom([this](HostSettings &settings) {
        settings.certificateFile = m_files.filePath(u"cert.pem"_s);
        settings.keyFile = m_files.filePath(u"key.pem"_s);
    });
    QVERIFY(beaSendsAPicture(u"de noche.png"_s));
    QTRY_VERIFY(lineWith(u"de noche.png"_s));
    // Over HTTPS, from the certificate the socket was pinned to (and that one only).
    QTRY_VERIFY_WITH_TIMEOUT(!lineWith(u"de noche.png"_s)
                                      ->data(MessageDelegate::ThumbnailRole)
                                      .value<QImage>()
                                      .isNull(),
                             10000);
    QCOMPARE(lineWith(u"de noche.png"_s)->data(MessageDelegate::FileUrlRole).toUrl().scheme(),
             u"https"_s);
}

void tst_WindowFiles::anUploadGoesOnAfterTheProgramStartsAgain()
{
    const QString path = m_files.filePath(u"fotos.zip"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray content;
    for (int n = 0; content.size() < 2 * 1024 * 1024; ++n)
        content += QByteArray::number(n) + ' ';
    file.write(content);
    file.close();
    startRoom([](HostSettings &settings) { settings.limits.uploadBytesPerSecond = 256 * 1024; });
    const QString kept = m_files.filePath(u"kept"_s);
    m_connection->keepUploadsIn(kept);
    QVERIFY(dropFiles({path}));
    QVERIFY(!m_bea->nextWhere(
                          u"upload"_s,
                          [](const QJsonObject &e) { return e.value("received").toInteger() > 0; },
                          15000)
                     .isEmpty());

    // The program quits mid-upload (the others see it stop), and is started again.
    m_connection->close();
    QVERIFY(!m_bea->nextWhere(
                          u"upload"_s,
                          [](const QJsonObject &e) { return e.value("ended").toBool(); }, 10000)
                     .isEmpty());
    const qsizetype beforeRestart = m_bea->events.size();
    m_window.reset();
    m_connection = std::make_unique<ChatConnection>();
    m_connection->keepUploadsIn(kept);
    m_window = std::make_unique<ChatWindow>(m_connection.get());
    m_window->show();
    m_connection->open(m_host->pageUrl(), u"Ana"_s);
    // Its line is back as it was, going up...
    QTRY_VERIFY(lineWith(u"fotos.zip"_s));
    QVERIFY(lineWith(u"fotos.zip"_s)->data(MessageDelegate::ProgressRole).isValid());
    // ...from what the host had, not from zero, and it arrives whole.
    const auto goesOnFromTheHostsOffset = [this, beforeRestart] {
        for (qsizetype i = beforeRestart; i < m_bea->events.size(); ++i) {
            const QJsonObject &e = m_bea->events.at(i);
            if (e.value("type") == u"upload"_s && !e.value("ended").toBool())
                return e.value("received").toInteger() > 0;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(goesOnFromTheHostsOffset(), 15000);
    const QJsonObject message = m_bea->nextWhere(
            u"message"_s, [](const QJsonObject &m) { return m.contains("file"); }, 60000);
    QCOMPARE(download(message.value("file").toObject().value("url").toString(), m_beaKey), content);
    QTRY_VERIFY(!lineWith(u"fotos.zip"_s)->data(MessageDelegate::ProgressRole).isValid());
}

void tst_WindowFiles::aPictureWaitingForTheDecoderSaysSo()
{
    // The host decodes two pictures at a time: Ana's third waits, and her window says so in
    // words (not a bar standing still), then that it is being processed, then shows it.
    startRoom([](HostSettings &settings) { settings.limits.maxFileBytes = 4 * 1024 * 1024; });
    QStringList paths;
    for (const QString &name : {u"plano 1.png"_s, u"plano 2.png"_s, u"plano 3.png"_s}) {
        paths.append(m_files.filePath(name));
        QFile file(paths.last());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bigPng(7000));
    }
    QVERIFY(dropFiles(paths));
    QTRY_VERIFY_WITH_TIMEOUT(lineWith(u"plano 3.png"_s)
                                     ->data(MessageDelegate::TextRole)
                                     .toString()
                                     .contains(u"waiting to be processed: number"_s),
                             15000);
    if (const QString artifacts = qEnvironmentVariable("TERTULIA_ARTIFACTS");
        !artifacts.isEmpty()) {
        QDir().mkpath(artifacts);
        QVERIFY(m_window->grab().save(artifacts + u"/window-picture-waiting.png"_s));
    }
    QTRY_VERIFY_WITH_TIMEOUT(lineWith(u"plano 3.png"_s)
                                     ->data(MessageDelegate::TextRole)
                                     .toString()
                                     .contains(u"processing"_s),
                             60000);
    // All three reach Bea, each a picture with its thumbnail.
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_bea->nextWhere(
                              u"message"_s,
                              [](const QJsonObject &m) {
                                  return m.value("file").toObject().contains("thumb");
                              },
                              60000)
                         .isEmpty());
}

void tst_WindowFiles::aPictureFromAnotherMemberShowsAsItsThumbnail()
{
    QVERIFY(beaSendsAPicture(u"atardecer.png"_s));

    QTRY_VERIFY(lineWith(u"atardecer.png"_s));
    QListWidgetItem *line = lineWith(u"atardecer.png"_s);
    QCOMPARE(line->data(MessageDelegate::PictureSizeRole).toSize(), QSize(320, 213));
    QTRY_VERIFY_WITH_TIMEOUT(!line->data(MessageDelegate::ThumbnailRole).value<QImage>().isNull(),
                             10000);
    QVERIFY(line->data(MessageDelegate::TextRole).toString().contains(u"location data removed"_s));

    // One click on the picture opens it full size, in the desktop's browser.
    OpenedLinks opened;
    QDesktopServices::setUrlHandler(u"http"_s, &opened, "open");
    auto *list = conversation();
    list->scrollToItem(line);
    const QRect row = list->visualItemRect(line);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.topLeft() + QPoint(80, 60));
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QCOMPARE(opened.urls.size(), 1);
    QVERIFY(opened.urls.first().path().endsWith(u"/atardecer.png"_s));
    QVERIFY(opened.urls.first().query().startsWith(u"key="_s));
}

QTEST_MAIN(tst_WindowFiles)
#include "tst_windowfiles.moc"
