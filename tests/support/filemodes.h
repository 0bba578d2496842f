// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace securechat::test {

/// Exact POSIX mode bits; QFile::permissions() mixes in the current user's flags.
inline int modeOf(const QString& path)
{
    struct stat status { };
    return ::stat(QFile::encodeName(path).constData(), &status) == 0
        ? static_cast<int>(status.st_mode & 07777)
        : -1;
}

/// Sets the process umask for one test and restores it afterwards.
class UmaskGuard final {
public:
    explicit UmaskGuard(mode_t mask)
        : m_previous(::umask(mask))
    {
    }
    ~UmaskGuard() { ::umask(m_previous); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t m_previous;
};

} // namespace securechat::test
