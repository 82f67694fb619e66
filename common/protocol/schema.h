#pragma once

#include <QtCore/QLatin1StringView>
#include <QtCore/QList>

#include <variant>

// The shape of every request and event, as data. Each request struct (clientrequest.h) and
// each event struct (serverevent.h) declares its wire type and its fields once, beside its
// members; this gathers those declarations for whoever needs them whole: the host's generated
// /protocol.js (the page's request builders, event names and constants) and the test that holds
// C++, the page and docs/PROTOCOL.md to one another.
namespace Tertulia::Schema {

enum class Kind { String, Integer, Boolean, Array, Object };

enum class Use {
    Optional, // absent when it has nothing to say
    Required, // always there; a request without it is a bad_field error
    AlwaysSent, // optional to the reader, but clients always send it, even empty
};

struct FieldSpec
{
    QLatin1StringView name;
    Kind kind = Kind::String;
    Use use = Use::Optional;
    int maxLength = 0; // strings: at most this many characters (UTF-16 units); 0: no limit here

    bool required() const { return use == Use::Required; }
};

struct MessageSpec
{
    QLatin1StringView type; // on the wire
    QLatin1StringView name; // the C++ struct's name: the page's builders and constants use it
    QList<FieldSpec> fields;
};

// A variant of the types a list macro names (TERTULIA_REQUESTS, TERTULIA_EVENTS), each given as
// ", Namespace::Type" after a leading void: the list is written once, for the variant and for
// the schema alike (Mumble's way with its messages).
template<typename Void, typename... T>
using VariantOf = std::variant<T...>;

QList<MessageSpec> requests(); // client to host, in the order ClientRequest lists them
QList<MessageSpec> events(); // host to client, in the order ServerEvent lists them
QLatin1StringView kindName(Kind kind); // "string", "integer", …: as the module and docs say

} // namespace Tertulia::Schema
