#pragma once

#include "addressbudget.h"
#include "errorcode.h"

#include <QtCore/QStorageInfo>
#include <QtNetwork/QHostAddress>

#include <optional>

// Decides whether a message may be stored: the history's disk must keep minFreeBytes free
// (looked at no more than every kDiskCheckMs), and one client address may store so much at
// once and so much a second, so a few connections cannot fill the disk between two prunings.
class StorageGuard final
{
public:
    static constexpr int kBurstSeconds = 128; // of the rate, at once (8 MiB by default)
    static constexpr int kDiskCheckMs = 5000;

    StorageGuard(const QString &directory, qint64 minFreeBytes, qint64 bytesPerSecond);

    // Why a message of `bytes` from `address` is not stored now; nothing if it may be.
    std::optional<Tertulia::ProtocolError> refusal(const QHostAddress &address, qint64 bytes,
                                                   qint64 nowMs);

private:
    bool diskIsLow(qint64 nowMs);

    QStorageInfo m_disk;
    qint64 m_minFreeBytes;
    qint64 m_checkedMs = -1;
    bool m_low = false;
    AddressBudget m_stored; // bytes each address may still store
};
