// SPDX-License-Identifier: MIT
#pragma once

#include <sys/types.h>

#include <cstdint>

namespace securechat::bench {

/// What the kernel says a process has used: CPU from /proc/PID/stat (utime + stime, every
/// thread, exited ones included) and resident memory from /proc/PID/status.
class ProcStats final {
public:
    /// CPU seconds of another process; negative if it cannot be read (it has gone).
    static double cpuSeconds(pid_t pid);
    /// VmRSS of another process in KiB; negative if it cannot be read.
    static int64_t residentKiB(pid_t pid);
    /// CPU seconds of this process (getrusage: microsecond resolution).
    static double ownCpuSeconds();
    /// Peak resident memory of this process in KiB (VmHWM).
    static int64_t ownPeakResidentKiB();
    /// CLOCK_MONOTONIC in nanoseconds.
    static int64_t nowNs();
};

} // namespace securechat::bench
