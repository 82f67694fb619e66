#pragma once

#include "sharedroom.h"

#include <QtCore/QByteArray>

// How hosts write messages and members for each other in Redis (compact JSON), and read them.
namespace SharedRecords {

QByteArray message(const StoredMessage &message); // without its id: the stream entry has it
std::optional<StoredMessage> message(qint64 id, const QByteArray &record);
QByteArray member(const SharedMember &member, const QString &resumeToken = {});
std::optional<SharedMember> member(const QByteArray &record);
// What other hosts need of a name: {"n": name, "node": node}.
QByteArray naming(const QString &name, const QString &node);
std::optional<std::pair<QString, QString>> naming(const QByteArray &record);

} // namespace SharedRecords
