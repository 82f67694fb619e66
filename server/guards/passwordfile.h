#pragma once

#include "roompassword.h"

#include <QtCore/QString>

// The password set from the window, kept in the data directory (as RoomPassword's digest, file
// readable by its owner only) so that a restarted room still asks for it.
namespace PasswordFile {

QString path(const QString &dataDirectory);
// The saved password, an open room if none was saved; nothing, with *error, if the file
// cannot be read or makes no sense (the room is not opened to everyone by mistake).
std::optional<RoomPassword> load(const QString &dataDirectory, QString *error);
// An open room removes the file. False, with *error, if it could not be written.
bool save(const QString &dataDirectory, const RoomPassword &password, QString *error);

} // namespace PasswordFile
