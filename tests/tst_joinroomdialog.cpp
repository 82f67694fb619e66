// "Join a room on this network": real hosts announcing on a LAN of the test's own (a network
// namespace whose loopback carries multicast, set up by tests/support/lan-namespace.sh),
// listed by the dialog as they come and go, and what choosing one hands to the session.

#include "chatconnection.h"
#include "joinroomdialog.h"
#include "roomannouncement.h"
#include "support/testcertificate.h"
#include "support/testhost.h"

#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<TestHost> announcedHost(const QString &roomName)
{
    auto host = std::make_unique<TestHost>();
    host->settings.announce = true;
    // On the namespace's LAN, not only at loopback: a room bound to 127.0.0.1 is not announced.
    host->settings.address = QHostAddress::AnyIPv4;
    host->settings.roomName = roomName;
    return host;
}

QTreeWidgetItem *rowOf(const JoinRoomDialog &dialog, const QString &roomName)
{
    auto *list = dialog.findChild<QTreeWidget *>(u"roomList"_s);
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        if (list->topLevelItem(row)->text(0) == roomName)
            return list->topLevelItem(row);
    }
    return nullptr;
}

} // namespace

class tst_JoinRoomDialog final : public QObject
{
    Q_OBJECT

private slots:
    void listsRoomsAsTheyComeAndGo();
    void choosingAnEncryptedRoomPinsItsCertificate();
    void aTypedAddressIsCheckedBeforeJoining();
};

void tst_JoinRoomDialog::listsRoomsAsTheyComeAndGo()
{
    auto ana = announcedHost(u"Ana's room"_s);
    ana->settings.password = u"secret"_s;
    QVERIFY(ana->start());
    JoinRoomDialog dialog;
    dialog.show();
    auto *join = dialog.findChild<QPushButton *>(u"joinButton"_s);
    QVERIFY(!join->isEnabled()); // nothing chosen yet

    QTRY_VERIFY_WITH_TIMEOUT(rowOf(dialog, u"Ana's room"_s), 2000);
    QTreeWidgetItem *row = rowOf(dialog, u"Ana's room"_s);
    QCOMPARE(row->text(2), u"0"_s);
    QVERIFY(row->text(3).contains(u"password"_s));
    QVERIFY(!row->text(3).contains(u"encrypted"_s));

    // A second room appears while the dialog is open; the first ends and leaves the list.
    auto bea = announcedHost(u"Bea's room"_s);
    QVERIFY(bea->start());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(dialog, u"Bea's room"_s), 3000);
    ana->host.endRoom(u"bye"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!rowOf(dialog, u"Ana's room"_s), 3000);
    QVERIFY(rowOf(dialog, u"Bea's room"_s));

    // The room this window hosts is shown as such and cannot be chosen.
    dialog.setOwnRoom(bea->host.announcement().id);
    QVERIFY(rowOf(dialog, u"Bea's room"_s)->text(3).contains(u"yours"_s));
    QVERIFY(!(rowOf(dialog, u"Bea's room"_s)->flags() & Qt::ItemIsSelectable));
    dialog.setOwnRoom(QString());
    rowOf(dialog, u"Bea's room"_s)->setSelected(true);
    QVERIFY(join->isEnabled());
    join->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice().address, bea->pageUrl());
    QCOMPARE(dialog.choice().room, u"Bea's room"_s);
    QVERIFY(dialog.choice().fingerprint.isEmpty());
}

void tst_JoinRoomDialog::choosingAnEncryptedRoomPinsItsCertificate()
{
    QTemporaryDir files;
    QVERIFY(makeTestCertificate(files));
    auto host = announcedHost(u"Locked away"_s);
    host->settings.certificateFile = files.filePath(u"cert.pem"_s);
    host->settings.keyFile = files.filePath(u"key.pem"_s);
    QVERIFY2(host->start(), qPrintable(host->host.errorString()));
    host->host.setLocked(true);

    JoinRoomDialog dialog;
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(dialog, u"Locked away"_s), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(dialog, u"Locked away"_s)->text(3).contains(u"locked"_s), 3000);
    QTreeWidgetItem *row = rowOf(dialog, u"Locked away"_s);
    QVERIFY(row->text(3).contains(u"encrypted"_s));
    emit dialog.findChild<QTreeWidget *>(u"roomList"_s)->itemDoubleClicked(row, 0);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice().address.scheme(), u"https"_s);
    QCOMPARE(dialog.choice().fingerprint.size(), 32);

    // The announced prefix is enough for the native client to trust the self-signed host.
    host->host.setLocked(false);
    ChatConnection connection;
    connection.setPinnedFingerprint(dialog.choice().fingerprint);
    connection.open(dialog.choice().address, u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);
}

void tst_JoinRoomDialog::aTypedAddressIsCheckedBeforeJoining()
{
    JoinRoomDialog dialog;
    dialog.show();
    auto *address = dialog.findChild<QLineEdit *>(u"roomAddress"_s);
    auto *join = dialog.findChild<QPushButton *>(u"joinButton"_s);
    auto *problem = dialog.findChild<QLabel *>(u"addressProblem"_s);
    QTest::keyClicks(address, u"nonsense"_s);
    QVERIFY(join->isEnabled());
    join->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(u"nonsense"_s));

    address->clear();
    QTest::keyClicks(address, u"192.168.1.20:8080"_s);
    QVERIFY(!problem->isVisible());
    join->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice().address, QUrl(u"http://192.168.1.20:8080"_s));
    QVERIFY(dialog.choice().fingerprint.isEmpty());
}

QTEST_MAIN(tst_JoinRoomDialog)
#include "tst_joinroomdialog.moc"
