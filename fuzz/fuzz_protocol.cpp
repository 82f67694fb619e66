// libFuzzer target: everything a peer controls before it is trusted — request heads, a client's
// WebSocket frames (ClientFrameGuard), client payloads (with the names and texts in them),
// pieces of files, and host events as a client decodes them.

#include "clientframeguard.h"
#include "clientrequest.h"
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
    // Frames re-framed the same whichever way the bytes arrive: whole, or cut in two.
    {
        ClientFrameGuard whole(1024), cut(1024);
        QByteArray once, twice;
        whole.feed(bytes, once);
        const qsizetype middle = size > 0 ? qsizetype(data[0]) % qsizetype(size + 1) : 0;
        cut.feed(QByteArrayView(bytes).first(middle), twice);
        cut.feed(QByteArrayView(bytes).sliced(middle), twice);
        if (once != twice || whole.violated() != cut.violated()
            || whole.bytesHeld() > qsizetype(size) + 3)
            __builtin_trap();
    }
    const Tertulia::DecodedClientRequest decoded = Tertulia::decodeClientRequest(text);
    if (const auto *request = std::get_if<Tertulia::ClientRequest>(&decoded)) {
        const auto *join = std::get_if<Tertulia::Requests::Join>(request);
        const auto *message = std::get_if<Tertulia::Requests::Message>(request);
        const QString name = join ? join->name : message ? message->name : QString();
        (void)Tertulia::Names::problemWith(name);
        (void)Tertulia::Names::uniquenessKey(name);
        // What decodes encodes again and decodes to the same request.
        const QString again = std::visit(
                [](const auto &decoded) { return Tertulia::encodeRequest(decoded); }, *request);
        const auto twice = Tertulia::decodeClientRequest(again);
        if (!std::holds_alternative<Tertulia::ClientRequest>(twice)
            || std::get<Tertulia::ClientRequest>(twice).index() != request->index())
            __builtin_trap();
    }
    (void)Tertulia::Names::problemWith(Tertulia::Names::normalized(text));
    (void)Tertulia::problemWithMessageText(text);
    (void)Tertulia::decodeServerEvent(bytes);
    if (const auto chunk = Tertulia::FileChunk::decode(bytes)) // a binary frame from a member
        (void)chunk->bytes.size();
    return 0;
}
