// SPDX-License-Identifier: MIT
#include "procstats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace securechat::bench {

namespace {

    int64_t statusFieldKiB(const std::string& path, const std::string& field)
    {
        std::ifstream status(path);
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind(field, 0) == 0)
                return std::stoll(line.substr(field.size()));
        }
        return -1;
    }

} // namespace

double ProcStats::cpuSeconds(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text))
        return -1;
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    // Fields 3.. follow; utime is field 14 and stime field 15, so 11 and 12 counted from here.
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14)
            utime = std::stoull(field);
        else if (index == 15)
            stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

int64_t ProcStats::residentKiB(pid_t pid)
{
    return statusFieldKiB("/proc/" + std::to_string(pid) + "/status", "VmRSS:");
}

double ProcStats::ownCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int64_t ProcStats::ownPeakResidentKiB()
{
    return statusFieldKiB("/proc/self/status", "VmHWM:");
}

int64_t ProcStats::nowNs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace securechat::bench
