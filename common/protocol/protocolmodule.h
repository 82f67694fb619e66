#pragma once

#include <QtCore/QByteArray>

// The protocol table as a JavaScript module for the page (served as /protocol.js), so the
// page reads the same codes, close codes and client actions as the native client.
namespace Tertulia::ProtocolModule {

QByteArray javascript();

} // namespace Tertulia::ProtocolModule
