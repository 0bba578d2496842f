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

    // QSQLITE binds a null QString as NULL, which the NOT NULL columns refuse.
    QVariant textValue(const QString& text)
    {
        return text.isNull() ? QStringLiteral("") : text;
    }

    bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values = {})
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

    // Runs the statements (false: one failed, the query says why) in one transaction.
    Status inTransaction(QSqlDatabase db, const std::function<bool(QSqlQuery&)>& statements)
    {
        if (!db.transaction())
            return writeFailure(db.lastError());
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
    if (!db.transaction())
        return writeFailure(db.lastError());
    QSqlQuery addConversation(db);
    QSqlQuery findConversation(db);
    QSqlQuery insertMessage(db);
    if (!addConversation.prepare(
            QStringLiteral("INSERT INTO conversations (key) VALUES (?) ON CONFLICT (key) DO NOTHING"))
        || !findConversation.prepare(
            QStringLiteral("SELECT id, history_enabled FROM conversations WHERE key = ?"))
        || !insertMessage.prepare(QStringLiteral(
            "INSERT INTO messages (conversation, message_id, sender, sender_fingerprint, text, time_ms, "
            "direction, state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation, message_id) DO NOTHING")))
        return rollBack(db, insertMessage.lastError().isValid() ? insertMessage.lastError() : db.lastError());

    struct Conversation {
        qint64 id;
        bool historyEnabled;
    };
    QHash<QString, Conversation> seen;
    for (const HistoryMessage& message : messages) {
        auto conversation = seen.constFind(message.conversation);
        if (conversation == seen.cend()) {
            addConversation.addBindValue(message.conversation);
            findConversation.addBindValue(message.conversation);
            if (!addConversation.exec())
                return rollBack(db, addConversation.lastError());
            if (!findConversation.exec() || !findConversation.next())
                return rollBack(db, findConversation.lastError());
            conversation = seen.insert(message.conversation,
                { findConversation.value(0).toLongLong(), findConversation.value(1).toBool() });
            findConversation.finish();
        }
        const bool outbox
            = message.direction == HistoryDirection::Outgoing && message.state == HistoryState::Pending;
        if (!conversation->historyEnabled && !outbox)
            continue;
        for (const QVariant& value :
            { QVariant(conversation->id), textValue(message.messageId), textValue(message.senderNickname),
                textValue(message.senderFingerprint), textValue(message.text), QVariant(message.timestampMs),
                QVariant(static_cast<int>(message.direction)), QVariant(static_cast<int>(message.state)) })
            insertMessage.addBindValue(value);
        if (!insertMessage.exec())
            return rollBack(db, insertMessage.lastError());
    }
    if (!db.commit())
        return rollBack(db, db.lastError());
    return succeeded();
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
    // UPDATE OR IGNORE leaves a row whose id `to` has already where it is; the DELETE drops it.
    return inTransaction(m_connection.database(), [&](QSqlQuery& query) {
        return run(query,
                   QStringLiteral("INSERT INTO conversations (key) VALUES (?) ON CONFLICT (key) DO NOTHING"),
                   { to })
            && run(query,
                QStringLiteral("UPDATE OR IGNORE messages SET conversation = ") + conversationId
                    + QStringLiteral(" WHERE conversation = ") + conversationId
                    + QStringLiteral(
                        " AND (state = %1 OR (SELECT history_enabled FROM conversations WHERE key = ?))")
                          .arg(static_cast<int>(HistoryState::Pending)),
                { to, from, to })
            && run(query, QStringLiteral("DELETE FROM messages WHERE conversation = ") + conversationId,
                { from })
            && run(query, QStringLiteral("DELETE FROM conversations WHERE key = ?"), { from });
    });
}

QList<HistoryMessage> HistoryStore::pending(const QString& conversation) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    run(query,
        selectMessages
            + QStringLiteral("WHERE c.key = ? AND m.state = %1 ORDER BY m.id")
                  .arg(static_cast<int>(HistoryState::Pending)),
        { conversation });
    return readMessages(query);
}

QList<HistoryMessage> HistoryStore::latest(const QString& conversation, int count) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    run(query, selectMessages + QStringLiteral("WHERE c.key = ? ORDER BY m.id DESC LIMIT ?"),
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
            + (older ? QStringLiteral("WHERE c.key = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?")
                     : QStringLiteral("WHERE c.key = ? AND m.id > ? ORDER BY m.id LIMIT ?")),
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
        selectMessages
            + QStringLiteral("JOIN messages_fts f ON f.rowid = m.id WHERE messages_fts MATCH ?"
                             " ORDER BY f.rowid DESC LIMIT ?"),
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
    const Status deleted = inTransaction(m_connection.database(), [&](QSqlQuery& query) {
        const QString keepPending = QStringLiteral("DELETE FROM messages WHERE state <> %1")
                                        .arg(static_cast<int>(HistoryState::Pending));
        // The triggers only mark the words deleted; merging the index drops them from the file.
        return (conversation ? run(query,
                    keepPending + QStringLiteral(" AND conversation = ") + conversationId, { *conversation })
                             : run(query, keepPending))
            && run(query, QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')"));
    });
    if (!deleted)
        return deleted;
    QSqlQuery query(m_connection.database());
    // Clearing everything rewrites the file without the free pages; either way the log is
    // copied into the file and emptied, so the cleared text is in neither.
    if ((!conversation && !run(query, QStringLiteral("VACUUM")))
        || !run(query, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return writeFailure(query.lastError());
    return succeeded();
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
                + QStringLiteral("WHERE c.key = ? AND m.state <> %1 ORDER BY m.id")
                      .arg(static_cast<int>(HistoryState::Pending)),
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
