// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

#include <algorithm>

namespace securechat::test {

/// This process's resident memory (VmRSS in /proc/self/status), in bytes; -1 if unreadable.
/// The host runs inside the test process, so this is the host's memory plus the test's own.
qint64 residentMemoryBytes();

/// Another process's resident memory (VmRSS in /proc/PID/status), in bytes; -1 if unreadable.
qint64 residentMemoryBytesOf(qint64 processId);

/// Hands freed heap pages back to the system first (glibc keeps them otherwise), so that RSS
/// shows what is still in use rather than what the allocator kept for later.
qint64 residentMemoryBytesAfterTrim();

/// Heap bytes allocated and not yet freed: what the program holds, whatever the allocator keeps
/// around it (glibc's mallinfo2, or AddressSanitizer's own allocator statistics).
qint64 heapInUseBytes();

/// False under AddressSanitizer: freed memory waits in its quarantine (up to 256 MiB), so RSS
/// says nothing about what the program holds; tests then bound heapInUseBytes() alone.
constexpr bool residentMemoryIsMeaningful()
{
#ifdef __SANITIZE_ADDRESS__
    return false;
#else
    return true;
#endif
}

// How much the process's memory grew, at its peak, over part of a test: RSS, and the heap it holds.
struct MemoryWatch {
    qint64 rssBefore = residentMemoryBytesAfterTrim();
    qint64 heapBefore = heapInUseBytes();
    qint64 rssPeak = rssBefore;
    qint64 heapPeak = heapBefore;

    void sample()
    {
        rssPeak = std::max(rssPeak, residentMemoryBytes());
        heapPeak = std::max(heapPeak, heapInUseBytes());
    }
    bool grewLessThan(qint64 bytes) const
    {
        return heapPeak - heapBefore < bytes
            && (!residentMemoryIsMeaningful() || rssPeak - rssBefore < bytes);
    }
    QString figures() const
    {
        return QStringLiteral("RSS %1 -> peak %2 KiB, heap %3 -> peak %4 KiB")
            .arg(rssBefore / 1024)
            .arg(rssPeak / 1024)
            .arg(heapBefore / 1024)
            .arg(heapPeak / 1024);
    }
};

} // namespace securechat::test
