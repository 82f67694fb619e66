#pragma once

#include "errorcode.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>
#include <variant>

// What a client may send, decoded from one JSON text frame, and how clients encode it.
// The seeds' payload {"name", "message"} (no "type") decodes as a chat message.
namespace Tertulia {

struct ClientPayload
{
    enum class Type { Join, Message };

    Type type = Type::Message;
    QString name; // normalised but not validated; empty when the payload names nobody
    QString message; // Message only, as sent
    QString clientId; // Message only, optional: the sender's own id for the message
};

using DecodedClientPayload = std::variant<ClientPayload, ProtocolError>;

DecodedClientPayload decodeClientPayload(const QString &frame);

// Why a chat message's text cannot be sent, or nothing when it can.
std::optional<ProtocolError> problemWithMessageText(const QString &text);

QString encodeJoinRequest(const QString &name);
QString encodeChatRequest(const QString &name, const QString &message, const QString &clientId);

} // namespace Tertulia
