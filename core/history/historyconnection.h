// SPDX-License-Identifier: MIT
#pragma once

#include "history/historyschema.h"

#include <QCoreApplication>
#include <QString>

class QDateTime;
class QSqlDatabase;

namespace securechat {

/// What open() found, and the sentence to show when it was not simply opened.
struct HistoryOpenReport final {
    enum class Outcome {
        Opened,
        StartedAfresh, ///< the file could not be read: it was set aside and a new one started
        Disabled, ///< no history this session: folder not writable, file locked, or a newer schema
    };
    Outcome outcome = Outcome::Disabled;
    QString message; ///< empty for Opened
    QString setAsidePath; ///< for StartedAfresh: where the unreadable file is now
};

/// The history file's SQLite connection: opened private and in WAL mode, with its schema
/// ready; a file that cannot be read is set aside for a new one, a newer one is left alone.
/// Each instance has a connection name of its own (Qt keeps connections by name) and removes it.
class HistoryConnection final {
    Q_DECLARE_TR_FUNCTIONS(securechat::HistoryConnection)

public:
    HistoryConnection();
    ~HistoryConnection();
    Q_DISABLE_COPY_MOVE(HistoryConnection)

    HistoryOpenReport open(const QString& path);
    void close();
    bool isOpen() const { return m_open; }
    const QString& path() const { return m_path; }
    /// The open connection; an invalid QSqlDatabase when closed.
    QSqlDatabase database() const;

private:
    HistorySchema::Inspection attemptOpen();
    HistoryOpenReport startAfresh(const QString& reason, const QDateTime& now);
    HistoryOpenReport disable(const QString& message);

    const QString m_connectionName;
    QString m_path;
    bool m_open = false;
};

} // namespace securechat
