#include "roomtray.h"

#include <QtCore/QDateTime>
#include <QtGui/QGuiApplication>
#include <QtGui/QPainter>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSystemTrayIcon>
#include <QtWidgets/QWidget>

using namespace Qt::StringLiterals;

namespace {

// Ordinary messages notify at most this often; mentions and direct messages always do.
constexpr qint64 kQuietMs = 5000;
constexpr int kIconSize = 64;

// The application icon with the unread count in a red disc on its upper right.
QIcon badged(const QIcon &base, int count)
{
    QPixmap pixmap(kIconSize, kIconSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (base.isNull()) {
        painter.setBrush(QColor(0x2f, 0x7d, 0x6d));
        painter.setPen(Qt::NoPen);
        painter.drawRoundedRect(QRectF(4, 8, 56, 44), 12, 12);
    } else {
        base.paint(&painter, pixmap.rect());
    }
    if (count > 0) {
        const QRectF disc(kIconSize * 0.38, 0, kIconSize * 0.62, kIconSize * 0.62);
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.setPen(QPen(Qt::white, 3));
        painter.drawEllipse(disc);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(count > 99 ? 15 : 22);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace

RoomTray::RoomTray(QWidget *window)
    : QObject(window),
      m_window(window),
      m_icon(new QSystemTrayIcon(this)),
      m_menu(new QMenu(window)),
      m_baseIcon(QGuiApplication::windowIcon()),
      m_baseTitle(window->windowTitle())
{
    m_icon->setIcon(badged(m_baseIcon, 0));
    m_icon->setToolTip(toolTip());
    m_icon->setContextMenu(m_menu);
    QAction *open = m_menu->addAction(tr("Open Tertulia"));
    connect(open, &QAction::triggered, this, &RoomTray::raiseWindow);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                    raiseWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &RoomTray::raiseWindow);
    m_window->installEventFilter(this);
}

bool RoomTray::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool RoomTray::show()
{
    if (!isAvailable())
        return false;
    m_icon->show();
    return true;
}

QIcon RoomTray::currentIcon() const
{
    return m_icon->icon();
}

QString RoomTray::toolTip() const
{
    return m_unread == 0 ? tr("Tertulia") : tr("Tertulia — %1 unread").arg(m_unread);
}

void RoomTray::countMessage(const Tertulia::ChatMessage &message, bool mentionsYou)
{
    if (windowInFront())
        return;
    setUnread(m_unread + 1);
    const bool personal = mentionsYou || message.isDirect();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!personal && now - m_lastNotifiedMs < kQuietMs)
        return;
    m_lastNotifiedMs = now;
    const QString title = message.isDirect() ? tr("%1 wrote to you privately").arg(message.name)
                          : mentionsYou      ? tr("%1 mentioned you").arg(message.name)
                                             : message.name;
    notify(title, message.text.left(200));
}

void RoomTray::notify(const QString &title, const QString &text)
{
    if (m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, text, m_icon->icon());
    emit notified(title, text);
}

void RoomTray::raiseWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

bool RoomTray::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window
        && (event->type() == QEvent::WindowActivate || event->type() == QEvent::Show)) {
        // Seen: whatever arrived is no longer unread.
        if (windowInFront())
            setUnread(0);
    }
    return QObject::eventFilter(watched, event);
}

bool RoomTray::windowInFront() const
{
    return m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow();
}

void RoomTray::setUnread(int count)
{
    if (m_unread == count)
        return;
    m_unread = count;
    m_icon->setIcon(badged(m_baseIcon, count));
    m_icon->setToolTip(toolTip());
    m_window->setWindowTitle(count == 0 ? m_baseTitle : u"(%1) %2"_s.arg(count).arg(m_baseTitle));
}
