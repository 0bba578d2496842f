// SPDX-License-Identifier: MIT
#include "history/historystore.h"

#include "history/historyexporter.h"

#include <QHash>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <initializer_list>

namespace securechat {

namespace {

    Q_LOGGING_CATEGORY(lcHistory, "securechat.history")

    const QString selectMessages = QStringLiteral(
        "SELECT m.id, c.key, m.message_id, m.sender, m.sender_fingerprint, m.text, m.time_ms, m.direction,"
        " m.state FROM messages m JOIN conversations c ON c.id = m.conversation ");
    const QString conversationId = QStringLiteral("(SELECT id FROM conversations WHERE key = ?)");
    // What a clear has not hidden: a conversation's rows above its watermark.
    const QString notCleared = QStringLiteral(" AND m.id > c.cleared_through ");
    // The conversations whose cleared rows the purge has yet to delete.
    const QString withClearedRows = QStringLiteral(
        "FROM conversations c WHERE EXISTS"
        " (SELECT 1 FROM messages m WHERE m.conversation = c.id AND m.id <= c.cleared_through)");
    // The conversations whose cleared rows the purge has yet to overwrite.
    const QString withRowsToBlank = QStringLiteral("SELECT id, blanked_through, cleared_through FROM "
                                                   "conversations WHERE blanked_through < cleared_through");
    // The column's bytes, zeros in place of each: a row of the same size, so SQLite overwrites it in place.
    QString zeroed(const QString& column)
    {
        return QStringLiteral("%1 = CAST(zeroblob(length(CAST(%1 AS BLOB))) AS TEXT)").arg(column);
    }
    // Pages of the search index one purge step merges.
    constexpr int mergePagesPerStep = 100;

    // QSQLITE binds a null QString as NULL, which the NOT NULL columns refuse.
    QVariant textValue(const QString& text)
    {
        return text.isNull() ? QStringLiteral("") : text;
    }

    bool run(QSqlQuery& query, const QString& statement, const QVariantList& values = {})
    {
        if (!query.prepare(statement))
            return false;
        for (const QVariant& value : values)
            query.addBindValue(value);
        return query.exec();
    }

    Status writeFailure(const QSqlError& error)
    {
        return Status::failure(
            HistoryStore::tr("The message history could not be written (%1).").arg(error.databaseText()));
    }

    Status rollBack(QSqlDatabase& db, const QSqlError& error)
    {
        db.rollback();
        return writeFailure(error);
    }

    // Takes the write lock at once (waiting for it, as long as QSQLITE's busy timeout): a deferred
    // transaction that read first could not take it later once another connection has written.
    Status beginWriting(QSqlDatabase& db)
    {
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return writeFailure(begin.lastError());
        return succeeded();
    }

    // Runs the statements (false: one failed, the query says why) in one transaction.
    Status inTransaction(QSqlDatabase db, const std::function<bool(QSqlQuery&)>& statements)
    {
        if (const Status begun = beginWriting(db); !begun)
            return begun;
        QSqlQuery query(db);
        if (!statements(query))
            return rollBack(db, query.lastError());
        if (!db.commit())
            return rollBack(db, db.lastError());
        return succeeded();
    }

    Status notOpen()
    {
        return Status::failure(HistoryStore::tr("The message history is off for this session."));
    }

    // Each word the person typed becomes a quoted FTS5 phrase matching the start of a word
    // ("fing" finds "fingerprint"); a quote inside is doubled, so no input is read as FTS5
    // syntax (AND, NEAR, *, column filters). Words without a letter or digit are dropped: the
    // tokenizer makes no token of them, so they could match nothing.
    QString ftsQuery(const QString& text)
    {
        QStringList phrases;
        for (QString word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
                continue;
            word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            phrases << QLatin1Char('"') + word + QStringLiteral("\"*");
        }
        return phrases.join(QLatin1Char(' '));
    }

    // A row of selectMessages.
    HistoryMessage messageAt(const QSqlQuery& query)
    {
        return { query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
            query.value(4).toString(), query.value(5).toString(), query.value(6).toLongLong(),
            static_cast<HistoryDirection>(query.value(7).toInt()),
            static_cast<HistoryState>(query.value(8).toInt()), query.value(0).toLongLong() };
    }

    QList<HistoryMessage> readMessages(QSqlQuery& query)
    {
        QList<HistoryMessage> messages;
        if (!query.isActive()) {
            qCWarning(lcHistory) << "reading messages failed:" << query.lastError().databaseText();
            return messages;
        }
        while (query.next()) {
            messages.append(messageAt(query));
        }
        return messages;
    }

    // Stores messages inside the caller's transaction: adds their conversations, keeps only the
    // outbox of a conversation whose history is off, and stores a message id once per
    // conversation; a cleared copy the purge has not deleted yet gives way to the new one.
    class MessageWriter final {
    public:
        explicit MessageWriter(const QSqlDatabase& db)
            : m_addConversation(db)
            , m_findConversation(db)
            , m_dropCleared(db)
            , m_insert(db)
        {
            m_ready = prepare(m_addConversation,
                          QStringLiteral(
                              "INSERT INTO conversations (key) VALUES (?) ON CONFLICT (key) DO NOTHING"))
                && prepare(m_findConversation,
                    QStringLiteral(
                        "SELECT id, history_enabled, cleared_through FROM conversations WHERE key = ?"))
                && prepare(m_dropCleared,
                    QStringLiteral(
                        "DELETE FROM messages WHERE conversation = ? AND message_id = ? AND id <= ?"))
                && prepare(m_insert,
                    QStringLiteral(
                        "INSERT INTO messages (conversation, message_id, sender, sender_fingerprint, "
                        "text, time_ms, direction, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (conversation, message_id) DO NOTHING"));
        }

        // False when it failed: error() says why.
        bool add(const HistoryMessage& message)
        {
            if (!m_ready)
                return false;
            auto conversation = m_seen.constFind(message.conversation);
            if (conversation == m_seen.cend()) {
                m_addConversation.addBindValue(message.conversation);
                m_findConversation.addBindValue(message.conversation);
                if (!m_addConversation.exec())
                    return failed(m_addConversation);
                if (!m_findConversation.exec() || !m_findConversation.next())
                    return failed(m_findConversation);
                conversation = m_seen.insert(message.conversation,
                    { m_findConversation.value(0).toLongLong(), m_findConversation.value(1).toBool(),
                        m_findConversation.value(2).toLongLong() });
                m_findConversation.finish();
            }
            const bool outbox
                = message.direction == HistoryDirection::Outgoing && message.state == HistoryState::Pending;
            if (!conversation->historyEnabled && !outbox)
                return true;
            if (conversation->clearedThrough > 0) {
                for (const QVariant& value : { QVariant(conversation->id), textValue(message.messageId),
                         QVariant(conversation->clearedThrough) })
                    m_dropCleared.addBindValue(value);
                if (!m_dropCleared.exec())
                    return failed(m_dropCleared);
            }
            for (const QVariant& value :
                { QVariant(conversation->id), textValue(message.messageId), textValue(message.senderNickname),
                    textValue(message.senderFingerprint), textValue(message.text),
                    QVariant(message.timestampMs), QVariant(static_cast<int>(message.direction)),
                    QVariant(static_cast<int>(message.state)) })
                m_insert.addBindValue(value);
            return m_insert.exec() || failed(m_insert);
        }

        const QSqlError& error() const { return m_error; }

    private:
        bool prepare(QSqlQuery& query, const QString& statement)
        {
            return query.prepare(statement) || failed(query);
        }
        bool failed(const QSqlQuery& query)
        {
            m_error = query.lastError();
            return false;
        }

        struct Conversation {
            qint64 id;
            bool historyEnabled;
            qint64 clearedThrough;
        };
        QSqlQuery m_addConversation;
        QSqlQuery m_findConversation;
        QSqlQuery m_dropCleared;
        QSqlQuery m_insert;
        QHash<QString, Conversation> m_seen;
        QSqlError m_error;
        bool m_ready = false;
    };

    // Begins writing and reads the messages the statement selects (a failure has rolled back).
    Result<QList<HistoryMessage>> beginWithMessages(
        QSqlDatabase& db, const QString& statement, const QVariantList& values)
    {
        if (const Status begun = beginWriting(db); !begun)
            return Result<QList<HistoryMessage>>::failure(begun.error());
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!run(query, statement, values))
            return Result<QList<HistoryMessage>>::failure(rollBack(db, query.lastError()).error());
        return Result<QList<HistoryMessage>>::success(readMessages(query));
    }

    // Stores messages in the transaction begun on db and commits it (or rolls it back).
    Status addAndCommit(QSqlDatabase& db, const QList<HistoryMessage>& messages)
    {
        MessageWriter writer(db);
        for (const HistoryMessage& message : messages) {
            if (!writer.add(message))
                return rollBack(db, writer.error());
        }
        if (!db.commit())
            return rollBack(db, db.lastError());
        return succeeded();
    }

} // namespace

HistoryOpenReport HistoryStore::open(const QString& path)
{
    return m_connection.open(path);
}

void HistoryStore::close()
{
    m_connection.close();
}

QList<HistoryConversation> HistoryStore::conversations() const
{
    QList<HistoryConversation> found;
    if (!isOpen())
        return found;
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!run(query, QStringLiteral("SELECT key, title, history_enabled FROM conversations ORDER BY id"))) {
        qCWarning(lcHistory) << "reading conversations failed:" << query.lastError().databaseText();
        return found;
    }
    while (query.next())
        found.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toBool() });
    return found;
}

Status HistoryStore::setTitle(const QString& conversation, const QString& title)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery query(m_connection.database());
    if (!run(query,
            QStringLiteral("INSERT INTO conversations (key, title) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET title = excluded.title"),
            { conversation, textValue(title) }))
        return writeFailure(query.lastError());
    return succeeded();
}

Status HistoryStore::setHistoryEnabled(const QString& conversation, bool enabled)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery query(m_connection.database());
    if (!run(query,
            QStringLiteral("INSERT INTO conversations (key, history_enabled) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET history_enabled = excluded.history_enabled"),
            { conversation, enabled ? 1 : 0 }))
        return writeFailure(query.lastError());
    return succeeded();
}

bool HistoryStore::isHistoryEnabled(const QString& conversation) const
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_connection.database());
    if (!run(query, QStringLiteral("SELECT history_enabled FROM conversations WHERE key = ?"),
            { conversation }))
        qCWarning(lcHistory) << "reading a conversation failed:" << query.lastError().databaseText();
    return !query.next() || query.value(0).toBool();
}

Status HistoryStore::append(const HistoryMessage& message)
{
    return appendAll({ message });
}

Status HistoryStore::appendAll(const QList<HistoryMessage>& messages)
{
    if (!isOpen())
        return notOpen();
    QSqlDatabase db = m_connection.database();
    if (const Status begun = beginWriting(db); !begun)
        return begun;
    return addAndCommit(db, messages);
}

Status HistoryStore::markAcknowledged(const QString& conversation, const QString& messageId)
{
    if (!isOpen())
        return notOpen();
    // One of the two matches: the conversation's history is either on or off.
    return inTransaction(m_connection.database(), [&](QSqlQuery& query) {
        return run(query,
                   QStringLiteral(
                       "UPDATE messages SET state = %1 WHERE state = %2 AND message_id = ? AND conversation ="
                       " (SELECT id FROM conversations WHERE key = ? AND history_enabled = 1)")
                       .arg(static_cast<int>(HistoryState::Sent))
                       .arg(static_cast<int>(HistoryState::Pending)),
                   { messageId, conversation })
            && run(query,
                QStringLiteral("DELETE FROM messages WHERE state = %1 AND message_id = ? AND conversation ="
                               " (SELECT id FROM conversations WHERE key = ? AND history_enabled = 0)")
                    .arg(static_cast<int>(HistoryState::Pending)),
                { messageId, conversation });
    });
}

Status HistoryStore::moveMessages(const QString& from, const QString& to)
{
    if (!isOpen())
        return notOpen();
    QSqlDatabase db = m_connection.database();
    // Stored again under `to`, after its messages: so none lands under `to`'s watermark, hidden.
    // `from` holds what was typed while connecting, a handful of messages.
    Result<QList<HistoryMessage>> moving = beginWithMessages(db,
        selectMessages + QStringLiteral("WHERE c.key = ?") + notCleared + QStringLiteral("ORDER BY m.id"),
        { from });
    if (!moving)
        return Status::failure(moving.error());
    QSqlQuery query(db);
    if (!run(query, QStringLiteral("INSERT INTO conversations (key) VALUES (?) ON CONFLICT (key) DO NOTHING"),
            { to })
        || !run(
            query, QStringLiteral("DELETE FROM messages WHERE conversation = ") + conversationId, { from })
        || !run(query, QStringLiteral("DELETE FROM conversations WHERE key = ?"), { from }))
        return rollBack(db, query.lastError());
    for (HistoryMessage& message : moving.value())
        message.conversation = to;
    return addAndCommit(db, moving.value());
}

QList<HistoryMessage> HistoryStore::pending(const QString& conversation) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    run(query,
        selectMessages
            + QStringLiteral("WHERE c.key = ? AND m.state = %1").arg(static_cast<int>(HistoryState::Pending))
            + notCleared + QStringLiteral("ORDER BY m.id"),
        { conversation });
    return readMessages(query);
}

QList<HistoryMessage> HistoryStore::latest(const QString& conversation, int count) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    run(query,
        selectMessages + QStringLiteral("WHERE c.key = ?") + notCleared
            + QStringLiteral("ORDER BY m.id DESC LIMIT ?"),
        { conversation, count });
    QList<HistoryMessage> newestFirst = readMessages(query);
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

QList<HistoryMessage> HistoryStore::before(const QString& conversation, qint64 rowId, int count) const
{
    QList<HistoryMessage> newestFirst = nextTo(conversation, rowId, count, true);
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

QList<HistoryMessage> HistoryStore::after(const QString& conversation, qint64 rowId, int count) const
{
    return nextTo(conversation, rowId, count, false);
}

QList<HistoryMessage> HistoryStore::nextTo(
    const QString& conversation, qint64 rowId, int count, bool older) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    run(query,
        selectMessages
            + (older ? QStringLiteral("WHERE c.key = ? AND m.id < ?") + notCleared
                        + QStringLiteral("ORDER BY m.id DESC LIMIT ?")
                     : QStringLiteral("WHERE c.key = ? AND m.id > ?") + notCleared
                        + QStringLiteral("ORDER BY m.id LIMIT ?")),
        { conversation, rowId, count });
    return readMessages(query);
}

QList<HistoryMessage> HistoryStore::search(const QString& text, int limit) const
{
    const QString match = ftsQuery(text);
    if (!isOpen() || match.isEmpty())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    // FTS5 walks its index in rowid order itself, so the newest matches come without sorting.
    run(query,
        selectMessages + QStringLiteral("JOIN messages_fts f ON f.rowid = m.id WHERE messages_fts MATCH ?")
            + notCleared + QStringLiteral("ORDER BY f.rowid DESC LIMIT ?"),
        { match, limit });
    return readMessages(query);
}

Status HistoryStore::clearConversation(const QString& conversation)
{
    return clearMessages(conversation);
}

Status HistoryStore::clearAll()
{
    return clearMessages(std::nullopt);
}

Status HistoryStore::clearMessages(const std::optional<QString>& conversation)
{
    if (!isOpen())
        return notOpen();
    const QString which = conversation ? QStringLiteral(" WHERE key = ?") : QString();
    const QVariantList key = conversation ? QVariantList { *conversation } : QVariantList {};
    QSqlDatabase db = m_connection.database();
    // The pending messages are stored again above the watermark, in their order: they stay.
    const Result<QList<HistoryMessage>> pending = beginWithMessages(db,
        selectMessages + QStringLiteral("WHERE m.state = %1").arg(static_cast<int>(HistoryState::Pending))
            + notCleared + QStringLiteral("AND c.id IN (SELECT id FROM conversations") + which
            + QStringLiteral(") ORDER BY m.id"),
        key);
    if (!pending)
        return Status::failure(pending.error());
    QSqlQuery query(db);
    if (!run(query,
            QStringLiteral(
                "DELETE FROM messages WHERE state = %1 AND conversation IN (SELECT id FROM conversations")
                    .arg(static_cast<int>(HistoryState::Pending))
                + which + QLatin1Char(')'),
            key)
        || !run(query,
            QStringLiteral("UPDATE conversations SET cleared_through = max(cleared_through,"
                           " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0))")
                + which,
            key)
        || !run(query, QStringLiteral("UPDATE purge SET merge_index = 1, rewrite_file = rewrite_file OR ?"),
            { conversation ? 0 : 1 }))
        return rollBack(db, query.lastError());
    return addAndCommit(db, pending.value());
}

bool HistoryStore::isPurgeOwed() const
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_connection.database());
    if (!run(query, QStringLiteral("SELECT merge_index OR rewrite_file FROM purge")) || !query.next()) {
        qCWarning(lcHistory) << "reading what the purge owes failed:" << query.lastError().databaseText();
        return false;
    }
    return query.value(0).toBool();
}

Result<bool> HistoryStore::purgeStep(int rows)
{
    if (!isOpen())
        return Result<bool>::failure(notOpen().error());
    QSqlQuery query(m_connection.database());
    if (!run(query,
            QStringLiteral("SELECT merge_index, rewrite_file, deleted_since_merge, merging FROM purge"))
        || !query.next())
        return Result<bool>::failure(writeFailure(query.lastError()).error());
    const bool mergeIndex = query.value(0).toBool();
    const bool rewriteFile = query.value(1).toBool();
    const qint64 deletedSinceMerge = query.value(2).toLongLong();
    const bool merging = query.value(3).toBool();
    query.finish();
    if (merging || deletedSinceMerge >= PurgeRowsBetweenMerges)
        return mergeIndexStep(!merging);
    const Result<bool> removed = removeClearedRows(rows);
    if (!removed || removed.value())
        return removed;
    if (deletedSinceMerge > 0)
        return mergeIndexStep(true);
    if (mergeIndex || rewriteFile)
        return finishPurge(rewriteFile);
    return Result<bool>::success(false);
}

namespace {

    // Overwrites the next `rows` cleared rows of a conversation with zeros (their text, sender and
    // fingerprint; the message id is in an index, and overwriting it would move index entries),
    // oldest first; `done`: some were owed.
    bool blankClearedRows(QSqlQuery& query, int rows, bool& done)
    {
        if (!run(query, withRowsToBlank + QStringLiteral(" LIMIT 1")))
            return false;
        done = query.next();
        if (!done)
            return true;
        const qint64 conversation = query.value(0).toLongLong();
        const qint64 blankedThrough = query.value(1).toLongLong();
        const qint64 clearedThrough = query.value(2).toLongLong();
        query.finish();
        if (!run(query,
                QStringLiteral("SELECT count(*), max(id) FROM (SELECT id FROM messages WHERE conversation = ?"
                               " AND id > ? AND id <= ? ORDER BY id LIMIT ?)"),
                { conversation, blankedThrough, clearedThrough, rows })
            || !query.next())
            return false;
        const qint64 count = query.value(0).toLongLong();
        const qint64 through = count < rows ? clearedThrough : query.value(1).toLongLong();
        query.finish();
        return run(query,
                   QStringLiteral("UPDATE messages SET ") + zeroed(QStringLiteral("text")) + QLatin1Char(',')
                       + zeroed(QStringLiteral("sender")) + QLatin1Char(',')
                       + zeroed(QStringLiteral("sender_fingerprint"))
                       + QStringLiteral(" WHERE conversation = ? AND id > ? AND id <= ?"),
                   { conversation, blankedThrough, through })
            && run(query, QStringLiteral("UPDATE conversations SET blanked_through = ? WHERE id = ?"),
                { through, conversation })
            // Overwriting the text is what drops the words from the search index (its trigger).
            && run(query, QStringLiteral("UPDATE purge SET deleted_since_merge = deleted_since_merge + ?"),
                { count });
    }

    // Deletes up to `rows` cleared rows of a conversation, newest first: searching, which walks the
    // index newest first past cleared matches, gets quick again soonest. `done`: some were deleted.
    bool deleteClearedRows(QSqlQuery& query, int rows, bool& done)
    {
        if (!run(query,
                QStringLiteral("SELECT c.id, c.cleared_through ") + withClearedRows
                    + QStringLiteral(" LIMIT 1")))
            return false;
        done = query.next();
        if (!done)
            return true;
        const qint64 conversation = query.value(0).toLongLong();
        const qint64 clearedThrough = query.value(1).toLongLong();
        query.finish();
        return run(query,
            QStringLiteral("DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE conversation = ?"
                           " AND id <= ? ORDER BY id DESC LIMIT ?)"),
            { conversation, clearedThrough, rows });
    }

} // namespace

Result<bool> HistoryStore::removeClearedRows(int rows)
{
    // A delete can make SQLite move neighbouring rows to other pages (rebalancing), and the unused
    // part of a page they left keeps copies of them: secure_delete zeroes deleted rows and freed
    // pages only. So no cleared row is deleted before every one is overwritten with zeros, in
    // place; the copies a delete leaves are then of zeros, or of rows that stay. One transaction
    // decides and does either, so a clear that came meanwhile is overwritten first.
    bool done = false;
    const Status step = inTransaction(m_connection.database(), [&](QSqlQuery& query) {
        bool blanked = false;
        if (!blankClearedRows(query, rows, blanked))
            return false;
        done = blanked;
        return blanked || deleteClearedRows(query, rows, done);
    });
    if (!step)
        return Result<bool>::failure(step.error());
    return Result<bool>::success(done);
}

Result<bool> HistoryStore::mergeIndexStep(bool start)
{
    // The delete triggers only add "deleted" marks to the index; a merge of every segment into
    // one drops the marks and the words they mark. A negative 'merge' starts one (all segments on
    // one level), a positive one goes on with it (segments written meanwhile wait for the next),
    // each writing about mergePagesPerStep pages. Where everything read is dropped nothing is
    // written, and the step reads on: so merging comes every PurgeRowsBetweenMerges rows, and a
    // step drops the words of that many rows at most.
    const Status step = inTransaction(m_connection.database(), [&](QSqlQuery& query) {
        if (!run(query, QStringLiteral("SELECT total_changes()")) || !query.next())
            return false;
        const qint64 before = query.value(0).toLongLong();
        if (!run(query, QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) VALUES ('merge', ?)"),
                { start ? -mergePagesPerStep : mergePagesPerStep })
            || !run(query, QStringLiteral("SELECT total_changes()")) || !query.next())
            return false;
        const bool merged = !start && query.value(0).toLongLong() - before < 2;
        return run(query,
            merged ? QStringLiteral("UPDATE purge SET merging = 0, deleted_since_merge = 0")
                   : QStringLiteral("UPDATE purge SET merging = 1"));
    });
    if (!step)
        return Result<bool>::failure(step.error());
    return Result<bool>::success(true);
}

Result<bool> HistoryStore::finishPurge(bool rewriteFile)
{
    // Clear All rewrites the file without the free pages; either way the log is copied into the
    // file and emptied, so the cleared text is in neither. What is owed is forgotten last (a
    // purge ended by a crash before does it again), and only if no clear came meanwhile.
    QSqlQuery query(m_connection.database());
    if ((rewriteFile && !run(query, QStringLiteral("VACUUM")))
        || !run(query, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !query.next())
        return Result<bool>::failure(writeFailure(query.lastError()).error());
    // A reader still in the log past the busy wait keeps it whole: the next step tries again.
    if (query.value(0).toInt() != 0)
        return Result<bool>::success(true);
    query.finish();
    if (!run(query,
            QStringLiteral("UPDATE purge SET merge_index = 0, rewrite_file = 0 WHERE deleted_since_merge = 0"
                           " AND NOT EXISTS (SELECT 1 ")
                + withClearedRows + QStringLiteral(")")))
        return Result<bool>::failure(writeFailure(query.lastError()).error());
    return Result<bool>::success(false);
}

Status HistoryStore::exportText(const QString& conversation, QIODevice& device) const
{
    return exportWith(conversation, device, &HistoryExporter::textLine);
}

Status HistoryStore::exportJsonLines(const QString& conversation, QIODevice& device) const
{
    return exportWith(conversation, device, &HistoryExporter::jsonLine);
}

Status HistoryStore::exportWith(
    const QString& conversation, QIODevice& device, QByteArray (*format)(const HistoryMessage&)) const
{
    if (!isOpen())
        return notOpen();
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!run(query,
            selectMessages
                + QStringLiteral("WHERE c.key = ? AND m.state <> %1")
                      .arg(static_cast<int>(HistoryState::Pending))
                + notCleared + QStringLiteral("ORDER BY m.id"),
            { conversation }))
        return Status::failure(
            tr("The message history could not be read (%1).").arg(query.lastError().databaseText()));
    // One message at a time: a long history is streamed, not held.
    while (query.next()) {
        const QByteArray line = format(messageAt(query));
        if (device.write(line) != line.size())
            return Status::failure(tr("The export could not be written (%1).").arg(device.errorString()));
    }
    return succeeded();
}

} // namespace securechat
