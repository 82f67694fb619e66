// `--lang es` as the executables handle it (Translations::install reads the real arguments):
// the window, its menus and Qt's own dialog buttons speak Spanish, joined to a real host.

#include "chatconnection.h"
#include "chatwindow.h"
#include "messageinput.h"
#include "support/testhost.h"
#include "translations.h"

#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

class tst_TranslatedWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void windowSpeaksTheRequestedLanguage();
};

void tst_TranslatedWindow::windowSpeaksTheRequestedLanguage()
{
    TestHost host;
    QVERIFY(host.start());
    const QUrl address(u"http://127.0.0.1:%1/"_s.arg(host.port()));
    ChatConnection connection;
    ChatWindow window(&connection);
    window.setShareAddress(address, false);
    window.show();
    connection.open(address, u"Ana"_s);
    QTRY_COMPARE(connection.state(), ChatConnection::State::Connected);

    QCOMPARE(window.findChild<QPushButton *>(u"sendButton"_s)->text(), u"Enviar"_s);
    QCOMPARE(window.findChild<QLabel *>(u"connectionState"_s)->text(), u"Conectado como Ana"_s);
    QCOMPARE(window.findChild<MessageInput *>(u"messageInput"_s)->placeholderText(),
             u"Escribe un mensaje y pulsa Intro (Mayús+Intro: nueva línea)"_s);
    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus.append(menu->text());
    QCOMPARE(menus, (QStringList{u"&Tertulia"_s, u"&Preferencias"_s, u"A&yuda"_s}));
    QCOMPARE(window.findChild<QAction *>(u"findRoomsAction"_s)->text(),
             u"&Unirse a una sala de esta red…"_s);
    QCOMPARE(QLocale().language(), QLocale::Spanish); // times and numbers follow it too

    // What the host decides is said in Spanish too, in the protocol's one wording for the code
    // (translations/tools/fill.py, which gives the page the same sentence).
    QVERIFY(host.host.removeMember(u"Ana"_s));
    const auto *notice = window.findChild<QLabel *>(u"stopNotice"_s);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"El anfitrión te sacó de la sala."_s);
}

int main(int argc, char *argv[])
{
    // The executables' own command line, as a user would type it.
    QList<QByteArray> arguments{argv[0], "--lang", "es"};
    int fakeArgc = int(arguments.size());
    QList<char *> fakeArgv;
    for (QByteArray &argument : arguments)
        fakeArgv.append(argument.data());
    QApplication app(fakeArgc, fakeArgv.data());
    Translations::install(app);
    tst_TranslatedWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translatedwindow.moc"
