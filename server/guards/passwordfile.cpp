#include "passwordfile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;

namespace PasswordFile {

QString path(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(u"room-password"_s);
}

std::optional<RoomPassword> load(const QString &dataDirectory, QString *error)
{
    QFile file(path(dataDirectory));
    if (!file.exists())
        return RoomPassword();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("PasswordFile",
                                             "Cannot read the room password in %1: %2")
                         .arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    std::optional<RoomPassword> password = RoomPassword::fromRecord(file.read(4096));
    if (!password) {
        *error = QCoreApplication::translate(
                         "PasswordFile",
                         "The room password in %1 is damaged: set it again, or delete the "
                         "file to open the room to everyone.")
                         .arg(file.fileName());
    }
    return password;
}

bool save(const QString &dataDirectory, const RoomPassword &password, QString *error)
{
    const QString fileName = path(dataDirectory);
    if (!password.isSet()) {
        if (!QFile::exists(fileName) || QFile::remove(fileName))
            return true;
        *error = QCoreApplication::translate("PasswordFile",
                                             "Cannot remove the room password file %1")
                         .arg(fileName);
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(password.record() + '\n') < 0 || !file.commit()) {
        *error = QCoreApplication::translate("PasswordFile",
                                             "Cannot save the room password in %1: %2")
                         .arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace PasswordFile
