#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

// What a host tells the LAN about its room. The beacon's datagram and the DNS-SD TXT record
// carry the same fields; nothing in either is trusted (anyone on the LAN can send one), so
// decoding checks every field and a room is only ever listed, never joined, on its word.
struct RoomAnnouncement
{
    static constexpr int kMaxDatagramBytes = 1024;
    static constexpr int kMaxTextLength = 64; // room and host names, in characters
    static constexpr int kFingerprintDigits = 32; // hex digits of the certificate's SHA-256

    QString id; // random for each run of a host: one room seen twice is merged by it
    int protocol = 0; // Tertulia::kProtocolVersion of the host
    QString version; // the host's Tertulia version, e.g. "0.1.0"
    QString room; // "Ana's room"
    QString host; // the computer's name
    quint16 port = 0;
    bool tls = false;
    bool password = false;
    bool locked = false;
    int members = 0;
    QString fingerprint; // the first kFingerprintDigits hex digits, lower case; empty without TLS

    friend bool operator==(const RoomAnnouncement &a, const RoomAnnouncement &b);
    friend bool operator!=(const RoomAnnouncement &a, const RoomAnnouncement &b)
    {
        return !(a == b);
    }

    // DNS-SD's TXT strings, key=value each; the http service gets path=/ besides.
    QList<QByteArray> toTxt() const;
    static std::optional<RoomAnnouncement> fromTxt(const QList<QByteArray> &txt, quint16 port,
                                                   QString *why);
    // Nothing, with *why, when a field is missing, of the wrong kind or out of range.
    bool isValid(QString *why) const;
    // Why a host may not be announced under `name`, in words; empty when it may.
    static QString problemWithRoomName(const QString &name);
    // "AB:CD:…" as ChatHost shows it → the prefix announced.
    static QString fingerprintPrefix(const QString &fingerprint);
    // A fresh random id.
    static QString newId();
};
