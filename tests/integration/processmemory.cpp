// SPDX-License-Identifier: MIT
#include "processmemory.h"

#include <QFile>

#include <malloc.h>
#ifdef __SANITIZE_ADDRESS__
// From the AddressSanitizer runtime; GCC does not ship the header that declares it.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace securechat::test {

namespace {

    qint64 residentMemoryBytesIn(const QString& statusFile)
    {
        QFile status(statusFile);
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            if (line.startsWith("VmRSS:")) // "VmRSS:     12345 kB"
                return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
        }
        return -1;
    }

} // namespace

qint64 residentMemoryBytes()
{
    return residentMemoryBytesIn(QStringLiteral("/proc/self/status"));
}

qint64 residentMemoryBytesOf(qint64 processId)
{
    return residentMemoryBytesIn(QStringLiteral("/proc/%1/status").arg(processId));
}

qint64 heapInUseBytes()
{
#ifdef __SANITIZE_ADDRESS__
    return static_cast<qint64>(__sanitizer_get_current_allocated_bytes());
#else
    const struct mallinfo2 info = mallinfo2();
    return static_cast<qint64>(info.uordblks + info.hblkhd);
#endif
}

qint64 residentMemoryBytesAfterTrim()
{
    malloc_trim(0);
    return residentMemoryBytes();
}

} // namespace securechat::test
