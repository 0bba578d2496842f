// SPDX-License-Identifier: MIT
#include "processmemory.h"

#include <QFile>

#include <malloc.h>

namespace securechat::test {

qint64 residentMemoryBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmRSS:")) // "VmRSS:     12345 kB"
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return -1;
}

qint64 heapInUseBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<qint64>(info.uordblks + info.hblkhd);
}

qint64 residentMemoryBytesAfterTrim()
{
    malloc_trim(0);
    return residentMemoryBytes();
}

} // namespace securechat::test
