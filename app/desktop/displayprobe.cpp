#include "displayprobe.h"

#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

using namespace Qt::StringLiterals;

namespace DisplayProbe {

bool displayAvailable()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return true;
    const QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        return false;
    // A local X display ":N" has a socket; a remote one (host:N) cannot be checked cheaply.
    static const QRegularExpression local(u"^:(\\d+)(\\.\\d+)?$"_s);
    const QRegularExpressionMatch match = local.match(display);
    if (!match.hasMatch())
        return true;
    return QFileInfo::exists(u"/tmp/.X11-unix/X"_s + match.captured(1));
}

} // namespace DisplayProbe
