// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

class QSqlDatabase;
class QSqlError;

namespace securechat {

/// The history database's tables, versioned with SQLite's user_version.
///
/// conversations(id, key UNIQUE, title, history_enabled, cleared_through: the conversation's
///               messages with an id up to this one are cleared, hidden, and left to the purge)
/// messages(id AUTOINCREMENT: the order, conversation → conversations.id, message_id
///          UNIQUE per conversation, sender, sender_fingerprint, text, time_ms (UTC),
///          direction 0 in / 1 out, state 0 pending / 1 sent / 2 received)
/// messages_fts: an FTS5 index of messages.text (external content, kept in sync by triggers).
/// purge(merge_index, rewrite_file, deleted_since_merge, merging): one row; what the purge of
///        cleared rows owes besides deleting them, and how far it is (HistoryStore::purgeStep()).
class HistorySchema final {
    Q_DECLARE_TR_FUNCTIONS(securechat::HistorySchema)

public:
    static constexpr int CurrentVersion = 3;

    enum class Check {
        Usable, ///< this version's schema, or an older one prepare() brings up to date
        Newer, ///< written by a newer SecureChat: leave the file alone
        Unreadable, ///< not a database, damaged, unreadable, or not SecureChat's history
        Failed, ///< could not be read just now (locked, disk error, disk full): not the file's fault
    };
    struct Inspection final {
        Check check = Check::Unreadable;
        int version = 0;
        QString reason; ///< for Unreadable and Failed: what SQLite said
    };

    /// Reads the schema version without writing anything.
    static Inspection inspect(const QSqlDatabase& db);
    /// Creates the tables of an empty database, or migrates an older schema, in one transaction;
    /// Usable, or what went wrong.
    static Inspection prepare(QSqlDatabase& db, int fromVersion);
    /// Whether SQLite's error is the file's own (Unreadable: set it aside) or a passing one
    /// (Failed: leave the file alone), so a locked or busy history is never set aside.
    static Inspection failure(const QSqlError& error, int version = 0);
};

} // namespace securechat
