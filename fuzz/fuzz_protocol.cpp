// libFuzzer target: everything a peer controls before it is trusted — request heads, client
// payloads (with the names and texts in them), pieces of files, and host events as a client
// decodes them.

#include "clientpayload.h"
#include "names.h"
#include "requesthead.h"
#include "serverevent.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    if (const auto head = RequestHead::parse(bytes)) {
        (void)head->path();
        (void)head->isWebSocketUpgrade();
        (void)head->header("origin");
    }
    const Tertulia::DecodedClientPayload decoded = Tertulia::decodeClientPayload(text);
    if (const auto *payload = std::get_if<Tertulia::ClientPayload>(&decoded)) {
        (void)Tertulia::Names::problemWith(payload->name);
        (void)Tertulia::Names::uniquenessKey(payload->name);
    }
    (void)Tertulia::Names::problemWith(Tertulia::Names::normalized(text));
    (void)Tertulia::problemWithMessageText(text);
    (void)Tertulia::decodeServerEvent(bytes);
    if (const auto chunk = Tertulia::FileChunk::decode(bytes)) // a binary frame from a member
        (void)chunk->bytes.size();
    return 0;
}
