#pragma once

#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <memory>

class ChatConnection;
class ChatHost;
class ChatWindow;
struct HostSettings;

// Monolithic mode and join mode: optionally starts a host in this process, then opens the
// window joined to it (over a real WebSocket, like any other client) or to a remote room.
class DesktopSession final : public QObject
{
    Q_OBJECT

public:
    explicit DesktopSession(QObject *parent = nullptr);
    ~DesktopSession() override;

    // Both print why they failed; the caller exits with HostLauncher's codes. host() also
    // says it in a dialog that offers the fix (another port, every address) and tries again.
    bool host(HostSettings settings, const QString &name);
    void join(const QUrl &address, const QString &name, const QString &password,
              const QString &fingerprint);
    // The rooms announced on the LAN; the one chosen is joined here, and nothing else is shown
    // until then. Cancelled, the application exits 0.
    void findRooms(const QString &name);

    // Ends the session: hosting, the room ends for everyone (they are told); joined, the window
    // leaves. The application exits 0 once that is done.
    void end();

private:
    void showWindow(const QUrl &address, const QString &name, const QString &password,
                    bool hosting);
    void wireRoomControls();
    // From the window: the room chosen opens in a window of its own (another process).
    void openAnotherRoom();

    std::unique_ptr<ChatHost> m_host;
    ChatConnection *m_connection;
    std::unique_ptr<ChatWindow> m_window;
    bool m_ending = false;
};
