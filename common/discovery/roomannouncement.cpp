#include "roomannouncement.h"

#include "textchecks.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;
namespace TextChecks = Tertulia::TextChecks;

namespace {

constexpr int kMaxMembers = 10'000'000;
constexpr int kMaxProtocol = 1000;
constexpr int kMaxVersionLength = 32;

QString translate(const char *text)
{
    return QCoreApplication::translate("RoomAnnouncement", text);
}

// A name someone reads in the list: no control or invisible characters that could make it
// pass for another room's, and something visible.
bool isShownText(const QString &text, bool required)
{
    if (text.isEmpty())
        return !required;
    return TextChecks::codePointCount(text) <= RoomAnnouncement::kMaxTextLength
           && !TextChecks::containsControlCharacter(text, TextChecks::Allow::Nothing)
           && !TextChecks::containsFormatCharacter(text) && TextChecks::hasVisibleCharacter(text)
           && text.trimmed() == text;
}

QByteArray txtFlag(bool on)
{
    return on ? "1" : "0";
}

} // namespace

bool operator==(const RoomAnnouncement &a, const RoomAnnouncement &b)
{
    return a.id == b.id && a.protocol == b.protocol && a.version == b.version && a.room == b.room
           && a.host == b.host && a.port == b.port && a.tls == b.tls && a.password == b.password
           && a.locked == b.locked && a.members == b.members && a.fingerprint == b.fingerprint;
}

bool RoomAnnouncement::isValid(QString *why) const
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{8,64}$"_s);
    static const QRegularExpression versionPattern(
            u"^[0-9A-Za-z.+~-]{1,%1}$"_s.arg(kMaxVersionLength));
    static const QRegularExpression fingerprintPattern(u"^[0-9a-f]{%1}$"_s.arg(kFingerprintDigits));
    const char *problem = nullptr;
    if (!idPattern.match(id).hasMatch())
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "its id is not 8 to 64 letters or digits");
    else if (protocol < 1 || protocol > kMaxProtocol)
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "its protocol version is not a number");
    else if (!versionPattern.match(version).hasMatch())
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "its program version is not one");
    else if (!isShownText(room, true))
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement",
                                    "its room name is empty, too long or has hidden characters");
    else if (!isShownText(host, false))
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement",
                                    "its host name is too long or has hidden characters");
    else if (port == 0)
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "it names no port");
    else if (members < 0 || members > kMaxMembers)
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "its member count is out of range");
    else if (!fingerprint.isEmpty() && (!tls || !fingerprintPattern.match(fingerprint).hasMatch()))
        problem = QT_TRANSLATE_NOOP("RoomAnnouncement", "its certificate fingerprint is not one");
    if (problem && why)
        *why = translate(problem);
    return !problem;
}

QList<QByteArray> RoomAnnouncement::toTxt() const
{
    QList<QByteArray> txt{"txtvers=1",
                          "id=" + id.toUtf8(),
                          "protocol=" + QByteArray::number(protocol),
                          "version=" + version.toUtf8(),
                          "room=" + room.toUtf8(),
                          "host=" + host.toUtf8(),
                          "password=" + txtFlag(password),
                          "tls=" + txtFlag(tls),
                          "locked=" + txtFlag(locked),
                          "members=" + QByteArray::number(members)};
    if (!fingerprint.isEmpty())
        txt.append("fingerprint=" + fingerprint.toLatin1());
    return txt;
}

std::optional<RoomAnnouncement> RoomAnnouncement::fromTxt(const QList<QByteArray> &txt,
                                                          quint16 port, QString *why)
{
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &entry : txt) {
        const qsizetype equals = entry.indexOf('=');
        if (equals > 0)
            fields.insert(entry.left(equals), entry.mid(equals + 1));
    }
    const auto flag = [&fields](const char *key) { return fields.value(key) == "1"; };
    const auto number = [&fields](const char *key) {
        bool ok = false;
        const int value = fields.value(key).toInt(&ok);
        return ok ? value : -1;
    };
    if (fields.value("txtvers") != "1") {
        if (why)
            *why = translate(QT_TRANSLATE_NOOP("RoomAnnouncement", "its TXT record is not ours"));
        return std::nullopt;
    }
    RoomAnnouncement room;
    room.id = QString::fromUtf8(fields.value("id"));
    room.protocol = number("protocol");
    room.version = QString::fromUtf8(fields.value("version"));
    room.room = QString::fromUtf8(fields.value("room"));
    room.host = QString::fromUtf8(fields.value("host"));
    room.port = port;
    room.password = flag("password");
    room.tls = flag("tls");
    room.locked = flag("locked");
    room.members = number("members");
    room.fingerprint = QString::fromLatin1(fields.value("fingerprint"));
    if (!room.isValid(why))
        return std::nullopt;
    return room;
}

QString RoomAnnouncement::problemWithRoomName(const QString &name)
{
    if (isShownText(name, true))
        return {};
    return QCoreApplication::translate("RoomAnnouncement",
                                       "Invalid room name \"%1\": use 1 to %2 characters that "
                                       "can be seen, with no space at either end.")
            .arg(name)
            .arg(kMaxTextLength);
}

QString RoomAnnouncement::fingerprintPrefix(const QString &fingerprint)
{
    QString digits = fingerprint;
    digits.remove(u':');
    return digits.left(kFingerprintDigits).toLower();
}

QString RoomAnnouncement::newId()
{
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);
    return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(random), sizeof random)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
