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

/// Heap bytes allocated and not yet freed (glibc's mallinfo2: small blocks plus mmapped ones):
/// what the program holds, whatever the allocator keeps around it. Not meaningful under ASan.
qint64 heapInUseBytes();

} // namespace securechat::test
