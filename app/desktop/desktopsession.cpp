#include "desktopsession.h"

#include "chatconnection.h"
#include "chathost.h"
#include "chatwindow.h"
#include "hostlauncher.h"
#include "hostoptions.h"
#include "joinroomdialog.h"
#include "roomannouncement.h"
#include "roomcontrols.h"
#include "startproblemdialog.h"

#include <QtCore/QProcess>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QGuiApplication>

using namespace Qt::StringLiterals;

DesktopSession::DesktopSession(QObject *parent)
    : QObject(parent), m_connection(new ChatConnection(this))
{
    // Remember the name the room accepted, for next time.
    connect(m_connection, &ChatConnection::joined, this,
            [](const QString &name) { QSettings().setValue(u"name"_s, name); });
}

DesktopSession::~DesktopSession()
{
    m_window.reset();
    m_connection->close();
}

bool DesktopSession::host(HostSettings settings, const QString &name)
{
    // Started from a desktop menu nobody reads stderr: a failure is said in a dialog that
    // offers the fix, and the room is tried again with it.
    for (;;) {
        m_host = std::make_unique<ChatHost>();
        if (HostLauncher::start(*m_host, settings))
            break;
        const ChatHost::Failure failure = m_host->failure();
        const auto problem = failure == ChatHost::Failure::Listen && settings.port != 0
                                     ? StartProblemDialog::Problem::PortTaken
                             : failure == ChatHost::Failure::Address
                                     ? StartProblemDialog::Problem::AddressMissing
                                     : StartProblemDialog::Problem::Other;
        QString reason = m_host->errorString();
        if (failure == ChatHost::Failure::Address)
            reason += u'\n' + HostLauncher::addressAdvice(settings.address);
        m_host.reset();
        switch (StartProblemDialog(problem, reason).ask()) {
        case StartProblemDialog::Choice::AnyFreePort:
            settings.port = 0;
            break;
        case StartProblemDialog::Choice::EveryAddress:
            settings.address = QHostAddress::Any;
            break;
        case StartProblemDialog::Choice::Quit:
            return false;
        }
    }
    if (settings.port != 0)
        QSettings().setValue(u"port"_s, settings.port);
    const QUrl shareUrl = HostLauncher::pageUrls(*m_host).first();
    // The window joins through loopback: it works whichever address the host is bound to.
    QUrl ownUrl = shareUrl;
    if (m_host->address().isEqual(QHostAddress::Any)
        || m_host->address().isEqual(QHostAddress::AnyIPv4))
        ownUrl.setHost(u"127.0.0.1"_s);
    // Its own certificate, self-signed or not, is the one the window trusts.
    m_connection->setPinnedFingerprint(m_host->certificateFingerprint());
    // Its own way in, whatever password the room has now or gets later.
    showWindow(ownUrl, name, m_host->hostKey(), true);
    m_window->setShareAddress(shareUrl, true); // the address to hand out, not loopback
    m_window->setCertificateFingerprint(m_host->certificateFingerprint());
    wireRoomControls();
    // The window may go to the tray while the room stays open; the room ends when asked to.
    QGuiApplication::setQuitOnLastWindowClosed(false);

    return true;
}

void DesktopSession::wireRoomControls()
{
    auto *controls = new RoomControls(m_window.get());
    connect(controls, &RoomControls::endRoomRequested, this, &DesktopSession::end,
            Qt::QueuedConnection);
    controls->setShareAddresses(HostLauncher::pageUrls(*m_host));
    connect(m_host.get(), &ChatHost::reachChanged, controls, [this, controls] {
        controls->setReach(m_host->visitorCount(), m_host->memberCount());
    });
    controls->setPasswordSet(m_host->hasPassword());
    controls->setEncrypted(m_host->usesTls());
    connect(m_host.get(), &ChatHost::passwordGuessed, controls, &RoomControls::notePasswordGuesses);
    connect(controls, &RoomControls::lockRequested, m_host.get(), &ChatHost::setLocked);
    connect(controls, &RoomControls::removeRequested, m_host.get(), &ChatHost::removeMember);
    connect(controls, &RoomControls::unblockRequested, m_host.get(), &ChatHost::unblock);
    connect(m_host.get(), &ChatHost::blockedAddressesChanged, controls,
            [this, controls] { controls->setBlockedAddresses(m_host->blockedAddresses()); });
    connect(controls, &RoomControls::passwordChosen, this,
            [this, controls](const QString &password) {
                if (!m_host->setPassword(password))
                    controls->noteProblem(m_host->errorString());
                controls->setPasswordSet(m_host->hasPassword());
            });
}

void DesktopSession::end()
{
    if (m_ending)
        return;
    m_ending = true;
    if (m_window)
        m_window->hide(); // no "end the room?" question: that is what is happening
    if (!m_host) {
        m_connection->close();
        QCoreApplication::exit(0);
        return;
    }
    connect(m_host.get(), &ChatHost::closed, this, [] { QCoreApplication::exit(0); });
    m_host->endRoom(HostLauncher::endedSentence());
}

void DesktopSession::join(const QUrl &address, const QString &name, const QString &password,
                          const QString &fingerprint)
{
    QSettings().setValue(u"lastJoined"_s, address.toString());
    m_connection->setPinnedFingerprint(fingerprint);
    showWindow(address, name, password, false);
}

void DesktopSession::findRooms(const QString &name)
{
    auto *dialog = new JoinRoomDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, name](int result) {
        if (result != QDialog::Accepted) {
            QCoreApplication::exit(0);
            return;
        }
        const JoinRoomDialog::Choice choice = dialog->choice();
        join(choice.address, name, QString(), choice.fingerprint);
    });
    dialog->show();
}

void DesktopSession::openAnotherRoom()
{
    JoinRoomDialog dialog(m_window.get());
    if (m_host)
        dialog.setOwnRoom(m_host->announcement().id);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const JoinRoomDialog::Choice choice = dialog.choice();
    QStringList arguments{u"--join"_s, choice.address.toString(), u"--name"_s,
                          m_connection->name()};
    if (!choice.fingerprint.isEmpty())
        arguments << u"--fingerprint"_s << choice.fingerprint;
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
        m_window->addNotice(
                tr("Tertulia could not open a window for %1.").arg(choice.address.toString()));
}

void DesktopSession::showWindow(const QUrl &address, const QString &name, const QString &password,
                                bool hosting)
{
    m_window = std::make_unique<ChatWindow>(m_connection);
    m_window->setShareAddress(address, hosting);
    connect(m_window.get(), &ChatWindow::joinAnotherRoomRequested, this,
            &DesktopSession::openAnotherRoom);
    m_window->show();
    // Files still going up when the program last quit go on from where the host has them.
    m_connection->keepUploadsIn(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    m_connection->open(address, name, password);
}
