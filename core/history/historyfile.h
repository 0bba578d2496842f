// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace securechat {

/// The history database as a file: made private before SQLite writes to it, and moved aside
/// (never overwritten, never deleted) when it cannot be read.
class HistoryFile final {
    Q_DECLARE_TR_FUNCTIONS(securechat::HistoryFile)

public:
    /// Creates path's folder (0700 when created here) and the file itself with mode 0600, or
    /// narrows an existing file to 0600. SQLite gives its -wal and -shm files the database
    /// file's mode, so they are private too.
    static Status makePrivate(const QString& path);

    /// A name beside path that is not taken: "<name>.corrupt-YYYYMMDD-HHMMSS", with "-2", "-3"…
    /// added when that exists already.
    static QString unusedAsideName(const QString& path, const QDateTime& now);

    /// Renames path to aside, and its -wal and -shm files to aside-wal and aside-shm (so SQLite
    /// still finds them together, and a stale log is never replayed into a new database).
    /// Fails rather than overwrite anything.
    static Status moveAside(const QString& path, const QString& aside);
};

} // namespace securechat
