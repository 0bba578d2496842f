// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace securechat::test {

/// This process's resident memory (VmRSS in /proc/self/status), in bytes; -1 if unreadable.
/// The host runs inside the test process, so this is the host's memory plus the test's own.
qint64 residentMemoryBytes();

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

} // namespace securechat::test
