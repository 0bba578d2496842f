// SPDX-License-Identifier: MIT
#include "history/historyschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <iterator>

namespace securechat {

namespace {

    // Version 1. FTS5 is in Debian's libsqlite3, which Debian's QSQLITE driver uses; the
    // unicode61 tokenizer folds case and, with remove_diacritics 2, accents ("Köln" finds
    // "koln"). AUTOINCREMENT keeps ids of cleared messages from being reused, so a view paging
    // with before(rowId) never mixes old and new rows.
    const char* const versionOne[] = {
        "CREATE TABLE conversations ("
        " id INTEGER PRIMARY KEY,"
        " key TEXT NOT NULL UNIQUE,"
        " title TEXT NOT NULL DEFAULT '',"
        " history_enabled INTEGER NOT NULL DEFAULT 1)",
        "CREATE TABLE messages ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " conversation INTEGER NOT NULL REFERENCES conversations(id),"
        " message_id TEXT NOT NULL,"
        " sender TEXT NOT NULL,"
        " sender_fingerprint TEXT NOT NULL DEFAULT '',"
        " text TEXT NOT NULL,"
        " time_ms INTEGER NOT NULL,"
        " direction INTEGER NOT NULL,"
        " state INTEGER NOT NULL,"
        " UNIQUE (conversation, message_id))",
        // Paging by conversation in id order: the index holds the rowid after the key.
        "CREATE INDEX messages_by_conversation ON messages (conversation)",
        "CREATE INDEX messages_pending ON messages (conversation) WHERE state = 0",
        "CREATE VIRTUAL TABLE messages_fts USING fts5 ("
        " text, content = 'messages', content_rowid = 'id',"
        " tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
        " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END",
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
        " INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
        " INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END",
    };

    // Version 2: clearing is a watermark, so it takes effect at once; the rows under it are
    // deleted afterwards in short transactions (the purge). `purge` holds what the purge owes
    // besides them: merging the search index, rewriting the file (Clear All); and where it is:
    // rows deleted since the index was last merged, a merge under way.
    const char* const versionTwo[] = {
        "ALTER TABLE conversations ADD COLUMN cleared_through INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE purge ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " merge_index INTEGER NOT NULL DEFAULT 0,"
        " rewrite_file INTEGER NOT NULL DEFAULT 0,"
        " deleted_since_merge INTEGER NOT NULL DEFAULT 0,"
        " merging INTEGER NOT NULL DEFAULT 0)",
        "INSERT INTO purge (id) VALUES (1)",
    };

    // Version 3: the purge overwrites cleared rows with zeros in place before it deletes any (see
    // HistoryStore::purgeStep()); a conversation's rows up to blanked_through are overwritten.
    const char* const versionThree[] = {
        "ALTER TABLE conversations ADD COLUMN blanked_through INTEGER NOT NULL DEFAULT 0",
    };

    struct Migration {
        int version; // the version these statements bring the schema to
        const char* const* begin;
        const char* const* end;
    };
    const Migration migrations[] = {
        { 1, std::begin(versionOne), std::end(versionOne) },
        { 2, std::begin(versionTwo), std::end(versionTwo) },
        { 3, std::begin(versionThree), std::end(versionThree) },
    };

} // namespace

HistorySchema::Inspection HistorySchema::inspect(const QSqlDatabase& db)
{
    // Reading user_version and the schema table makes SQLite read the header and the schema
    // pages, which is where a file that is not a database, or a damaged one, is noticed.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failure(query.lastError());
    const int version = query.value(0).toInt();
    if (version > CurrentVersion)
        return { Check::Newer, version, {} };
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !query.next())
        return failure(query.lastError(), version);
    const int objects = query.value(0).toInt();
    if (version == 0 && objects != 0)
        return { Check::Unreadable, version, tr("it holds tables that are not SecureChat's") };
    return { Check::Usable, version, {} };
}

HistorySchema::Inspection HistorySchema::prepare(QSqlDatabase& db, int fromVersion)
{
    if (fromVersion == CurrentVersion)
        return { Check::Usable, fromVersion, {} };
    if (!db.transaction())
        return failure(db.lastError(), fromVersion);
    QSqlQuery query(db);
    for (const Migration& migration : migrations) {
        if (migration.version <= fromVersion)
            continue;
        for (const char* const* statement = migration.begin; statement != migration.end; ++statement) {
            if (!query.exec(QString::fromLatin1(*statement))) {
                const QSqlError error = query.lastError();
                db.rollback();
                return failure(error, fromVersion);
            }
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(CurrentVersion))) {
        const QSqlError error = query.lastError();
        db.rollback();
        return failure(error, fromVersion);
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return failure(error, fromVersion);
    }
    return { Check::Usable, CurrentVersion, {} };
}

HistorySchema::Inspection HistorySchema::failure(const QSqlError& error, int version)
{
    // SQLite's primary result codes (the low byte of an extended one).
    constexpr int permissionDenied = 3;
    constexpr int corrupt = 11;
    constexpr int cannotOpen = 14;
    constexpr int notADatabase = 26;
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    const bool filesFault = isNumber
        && (code == permissionDenied || code == corrupt || code == cannotOpen || code == notADatabase);
    return { filesFault ? Check::Unreadable : Check::Failed, version, error.databaseText() };
}

} // namespace securechat
