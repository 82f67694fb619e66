#include "storageguard.h"

using namespace Qt::StringLiterals;
using namespace Tertulia;

StorageGuard::StorageGuard(const QString &directory, qint64 minFreeBytes, qint64 bytesPerSecond)
    : m_disk(directory),
      m_minFreeBytes(minFreeBytes),
      m_stored(double(bytesPerSecond), double(bytesPerSecond) * kBurstSeconds)
{ }

std::optional<ProtocolError> StorageGuard::refusal(const QHostAddress &address, qint64 bytes,
                                                   qint64 nowMs)
{
    if (diskIsLow(nowMs)) {
        return ProtocolError{ErrorCode::StorageFailed,
                             u"The host's disk is nearly full, so your message was not stored "
                             "or delivered; try again later."_s};
    }
    if (m_stored.available(address, nowMs) < double(bytes)) {
        return ProtocolError{ErrorCode::QuotaExceeded,
                             u"Your address has stored a lot in the history lately: wait a "
                             "little before sending more."_s};
    }
    m_stored.spend(address, nowMs, double(bytes));
    return std::nullopt;
}

bool StorageGuard::diskIsLow(qint64 nowMs)
{
    if (m_checkedMs < 0 || nowMs - m_checkedMs >= kDiskCheckMs) {
        m_checkedMs = nowMs;
        m_disk.refresh();
        m_low = m_disk.isValid() && m_disk.bytesAvailable() < m_minFreeBytes;
    }
    return m_low;
}
