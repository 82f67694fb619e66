// The share panel: addresses in order with copy buttons, a QR code that an independent decoder
// (zbarimg) reads back as the selected address, the loopback warning and the live counts.

#include "qrcodewidget.h"
#include "sharepanel.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

class tst_SharePanel final : public QObject
{
    Q_OBJECT

private slots:
    void listsAddressesInOrderWithCopyButtons();
    void qrCodeDecodesToTheSelectedAddress_data();
    void qrCodeDecodesToTheSelectedAddress();
    void warnsWhenOnlyLoopbackIsReachable();
    void countsPageLoadsAndMembers();

private:
    static QString decode(const QImage &image);
};

QString tst_SharePanel::decode(const QImage &image)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"code.png"_s);
    if (!image.save(path))
        return {};
    QProcess zbar;
    zbar.start(u"zbarimg"_s, {u"--raw"_s, u"-q"_s, path});
    zbar.waitForFinished(30000);
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

void tst_SharePanel::listsAddressesInOrderWithCopyButtons()
{
    SharePanel panel;
    const QList<QUrl> addresses{QUrl(u"http://192.168.1.20:8080/"_s),
                                QUrl(u"http://172.17.0.1:8080/"_s),
                                QUrl(u"http://127.0.0.1:8080/"_s)};
    panel.setAddresses(addresses);
    auto *list = panel.findChild<QListWidget *>(u"shareAddresses"_s);
    QCOMPARE(list->count(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(list->item(row)->data(Qt::UserRole).toUrl(), addresses.at(row));
    QCOMPARE(panel.selectedAddress(), addresses.first()); // the best one, preselected

    auto *copy = list->itemWidget(list->item(1))->findChild<QToolButton *>();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"http://172.17.0.1:8080/"_s);
}

void tst_SharePanel::qrCodeDecodesToTheSelectedAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("LAN") << u"http://192.168.1.20:8080/"_s;
    QTest::newRow("HTTPS, long port") << u"https://10.200.100.254:65535/"_s;
}

void tst_SharePanel::qrCodeDecodesToTheSelectedAddress()
{
    QFETCH(QString, address);
    SharePanel panel;
    panel.setAddresses({QUrl(u"http://127.0.0.1:1/"_s), QUrl(address)});
    panel.findChild<QListWidget *>(u"shareAddresses"_s)->setCurrentRow(1);
    const auto *code = panel.findChild<QrCodeWidget *>(u"shareQrCode"_s);
    QCOMPARE(code->text(), address);
    QCOMPARE(decode(code->render(300)), address);
}

void tst_SharePanel::warnsWhenOnlyLoopbackIsReachable()
{
    SharePanel panel;
    panel.show();
    const auto *warning = panel.findChild<QLabel *>(u"shareWarning"_s);
    panel.setAddresses({QUrl(u"http://127.0.0.1:8080/"_s)});
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"Only this computer"_s));
    panel.setAddresses({QUrl(u"http://192.168.1.20:8080/"_s), QUrl(u"http://127.0.0.1:8080/"_s)});
    QVERIFY(!warning->isVisible());
}

void tst_SharePanel::countsPageLoadsAndMembers()
{
    SharePanel panel;
    panel.setReach(3, 2);
    const QString text = panel.findChild<QLabel *>(u"shareReach"_s)->text();
    QCOMPARE(text, u"Opened on 3 devices · In the room: 2"_s);
}

QTEST_MAIN(tst_SharePanel)
#include "tst_sharepanel.moc"
